using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ActorSim.Blueprints.Internal;

/// <summary>
/// Parses the text with YamlDotNet's representation model (so every node keeps its line and column) and reads the
/// top level: <c>simulation</c>, the line sections and <c>egress</c>.
/// </summary>
internal static class BlueprintReader
{
    private static readonly string[] Keys = ["simulation", .. LineReader.Keys, "egress"];

    public static Blueprint Read(string yaml, string sourceName, BlueprintOptions options)
    {
        var reader = new Reader(sourceName, options);
        var root = Parse(yaml, sourceName);
        var map = reader.Map(root, "", Keys);
        var simulation = SimulationReader.Read(reader, map.Require("simulation"));
        var model = LineReader.Read(reader, map, simulation.SimId);
        var egress = map.Get("egress") is { } node ? EgressReader.Read(reader, node, "egress") : [];
        return new Blueprint(sourceName, simulation, model, egress);
    }

    private static YamlNode Parse(string yaml, string sourceName)
    {
        var stream = new YamlStream();
        var parser = new TrackingParser(new Parser(new StringReader(yaml)));
        try
        {
            stream.Load(parser);
        }
        catch (YamlException e)
        {
            // YamlDotNet prefixes its messages with "(Line: 3, Col: 5, Idx: 40) - (...): "; the location is ours to give.
            var problem = e.Message.Contains("Duplicate key", StringComparison.Ordinal)
                ? "this key is given twice in the same mapping."
                : StripLocation(e.Message);
            throw new BlueprintException(sourceName, e.Start.Line, e.Start.Column, "", $"not valid YAML: {problem}", e);
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

    private static string StripLocation(string message)
    {
        var end = message.IndexOf("): ", StringComparison.Ordinal);
        return message.StartsWith("(Line:", StringComparison.Ordinal) && end >= 0 ? message[(end + 3)..] : message;
    }
}
