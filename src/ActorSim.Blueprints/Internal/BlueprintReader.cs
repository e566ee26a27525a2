using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ActorSim.Blueprints.Internal;

/// <summary>
/// Parses the text with YamlDotNet's representation model (so every node keeps its line and column) and reads the
/// top level: <c>simulation</c>, the line sections, <c>egress</c> and <c>state_source</c> of a line, or hands a plant (<c>lines:</c>) to
/// <see cref="PlantReader"/>.
/// </summary>
internal static class BlueprintReader
{
    private static readonly string[] Keys = ["simulation", .. LineReader.Keys, "egress", "state_source"];

    /// <summary>Reads a single-line blueprint; a plant is refused at its <c>lines</c> key.</summary>
    public static Blueprint Read(string yaml, string sourceName, BlueprintOptions options)
    {
        var reader = new Reader(sourceName, options);
        var root = Parse(yaml, sourceName);
        if (TopKey(root, "lines") is { } lines)
        {
            throw reader.Error(lines, "lines",
                "this blueprint describes a plant (lines: and links:), not a single line; load it as a plant, or describe one line with its sections at the top level.");
        }

        return ReadLine(reader, root);
    }

    /// <summary>Reads a plant blueprint; a single-line blueprint becomes a plant of that one line, without links.</summary>
    public static PlantBlueprint ReadPlant(string yaml, string sourceName, BlueprintOptions options)
    {
        var reader = new Reader(sourceName, options);
        var root = Parse(yaml, sourceName);
        if (TopKey(root, "lines") is not null)
        {
            return PlantReader.Read(reader, root);
        }

        var line = ReadLine(reader, root);
        var plant = reader.Guard(root, "", () => new Model.Plants.PlantBuilder().AddLine(line.Model).Build());
        return new PlantBlueprint(sourceName, line.Simulation, plant, line.Egress) { StateSource = line.StateSource };
    }

    /// <summary>
    /// True when <paramref name="yaml"/> is a mapping with a top-level <c>lines</c> key, however it is written (quoted,
    /// flow style, after comments or <c>---</c>); false for anything else, text that is not YAML included.
    /// </summary>
    public static bool IsPlant(string yaml)
    {
        try
        {
            return TopKey(Parse(yaml, "blueprint"), "lines") is not null;
        }
        catch (BlueprintException)
        {
            return false;
        }
    }

    private static Blueprint ReadLine(Reader reader, YamlNode root)
    {
        if (TopKey(root, "links") is { } links)
        {
            throw reader.Error(links, "links",
                "links join the lines of a plant; describe the lines under 'lines: {<sim_id>: {...}}' next to 'links:'.");
        }

        var map = reader.Map(root, "", Keys);
        var simulation = SimulationReader.Read(reader, map.Require("simulation"));
        var model = LineReader.Read(reader, map, simulation.SimId, simulation.Start);
        var egress = map.Get("egress") is { } node ? EgressReader.Read(reader, node, "egress") : [];
        return new Blueprint(reader.SourceName, simulation, model, egress) { StateSource = StateSource(reader, map) };
    }

    /// <summary>The <c>state_source</c> section, if given.</summary>
    internal static StateSourceSpec? StateSource(Reader reader, MapNode map) =>
        map.Get("state_source") is { } node ? StateSourceReader.Read(reader, node, "state_source") : null;

    /// <summary>The key node <paramref name="key"/> of the document's top-level mapping, if it is one and has it.</summary>
    private static YamlNode? TopKey(YamlNode root, string key) =>
        root is YamlMappingNode mapping ? mapping.Children.Keys.FirstOrDefault(k => k is YamlScalarNode { Value: var v } && v == key) : null;

    private static YamlNode Parse(string yaml, string sourceName)
    {
        var stream = new YamlStream();
        var parser = new TrackingParser(new Parser(new StringReader(yaml)));
        try
        {
            stream.Load(parser);
        }
        catch (YamlException e) when (e.Message.Contains("tab", StringComparison.OrdinalIgnoreCase) && IndentingTab(yaml, e.Start.Line) is { } tab)
        {
            // YamlDotNet places this error at the start of the enclosing mapping; the tab is what to point at.
            throw new BlueprintException(sourceName, tab.Line, tab.Column, "",
                "not valid YAML: a tab indents this line; YAML indents with spaces only.", e);
        }
        catch (YamlException e) when (parser.OpenFlow is { } open && e.Message.Contains("While parsing a flow", StringComparison.Ordinal))
        {
            throw Unclosed(sourceName, open, $"is missing before {e.Start.Line}:{e.Start.Column}", e);
        }
        catch (YamlException e)
        {
            // YamlDotNet prefixes its messages with "(Line: 3, Col: 5, Idx: 40) - (...): "; the location is ours to give.
            var problem = e.Message.Contains("Duplicate key", StringComparison.Ordinal)
                ? "this key is given twice in the same mapping."
                : StripLocation(e.Message);
            throw new BlueprintException(sourceName, e.Start.Line, e.Start.Column, "", $"not valid YAML: {problem}", e);
        }
        catch (InvalidOperationException e) when (parser.OpenFlow is { } open)
        {
            // The scanner throws this when the text ends inside an open flow collection.
            throw Unclosed(sourceName, open, "is missing: the text ends first", e);
        }
        catch (InvalidOperationException e)
        {
            // The scanner throws this when the text ends inside an open flow collection.
            throw new BlueprintException(sourceName, parser.LastEnd.Line, parser.LastEnd.Column, "",
                "not valid YAML: the text ends in the middle of a value; is a closing '}', ']' or quote missing after here?", e);
        }

        return stream.Documents.Count switch
        {
            0 => throw new BlueprintException(sourceName, 1, 1, "", "the blueprint is empty; it needs at least a 'simulation' section with a sim_id."),
            1 => stream.Documents[0].RootNode,
            _ => throw new BlueprintException(sourceName, stream.Documents[1].RootNode.Start.Line, stream.Documents[1].RootNode.Start.Column, "",
                "a blueprint holds one YAML document; remove the second one (after '---')."),
        };
    }

    /// <summary>An unclosed '{' or '[', reported where it was opened.</summary>
    private static BlueprintException Unclosed(string sourceName, (Mark Start, char Bracket) open, string where, Exception cause)
    {
        var closing = open.Bracket == '{' ? '}' : ']';
        return new BlueprintException(sourceName, open.Start.Line, open.Start.Column, "",
            $"not valid YAML: this '{open.Bracket}' is not closed; its '{closing}' (or a ',' between two entries) {where}.", cause);
    }

    /// <summary>The line and column (from 1) of the first tab in a line's indentation, on or after line <paramref name="from"/>.</summary>
    private static (int Line, int Column)? IndentingTab(string yaml, long from)
    {
        var lines = yaml.Split('\n');
        for (var i = (int)Math.Max(0, from - 1); i < lines.Length; i++)
        {
            var line = lines[i];
            for (var c = 0; c < line.Length && line[c] is ' ' or '\t'; c++)
            {
                if (line[c] == '\t')
                {
                    return (i + 1, c + 1);
                }
            }
        }

        return null;
    }

    private static string StripLocation(string message)
    {
        var end = message.IndexOf("): ", StringComparison.Ordinal);
        return message.StartsWith("(Line:", StringComparison.Ordinal) && end >= 0 ? message[(end + 3)..] : message;
    }
}
