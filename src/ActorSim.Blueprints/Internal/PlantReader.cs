using ActorSim.Model.Building;
using ActorSim.Model.Parameters;
using ActorSim.Model.Plants;
using YamlDotNet.RepresentationModel;

namespace ActorSim.Blueprints.Internal;

/// <summary>
/// Reads a plant blueprint's top level: <c>simulation</c> (its <c>sim_id</c> optional, naming the plant),
/// <c>lines: {sim_id: {line sections, node}}</c> read by <see cref="LineReader"/> (<c>node</c>, the role of the worker
/// nodes a line is pinned to, here), <c>links</c>, <c>egress</c> and <c>state_source</c>.
/// Every refusal of <see cref="PlantBuilder"/> is put on the link or line it names.
/// </summary>
internal static class PlantReader
{
    public static readonly string[] Keys = ["simulation", "lines", "links", "egress", "state_source"];

    /// <summary>A plant's line may name the role of the worker nodes it runs on in a cluster (<c>history --cluster</c>).</summary>
    private const string NodeKey = "node";

    public static PlantBlueprint Read(Reader reader, YamlNode root)
    {
        var top = reader.AnyMap(root, "", $"a mapping with the keys {string.Join(", ", Keys)}");
        foreach (var (name, key, _) in top.Entries)
        {
            if (LineReader.Keys.Contains(name))
            {
                throw reader.Error(key, name, $"in a plant, '{name}' belongs to a line: move it under lines.<sim_id>.{name}.");
            }
        }

        var map = reader.Map(root, "", Keys);
        var simulation = map.Get("simulation") is { } section
            ? SimulationReader.Read(reader, section, PlantBlueprint.DefaultName)
            : new SimulationSettings(PlantBlueprint.DefaultName);
        var lines = Lines(reader, map.Require("lines"));
        var builder = new PlantBuilder();
        var links = map.Get("links") is { } linksNode
            ? LinkReader.Read(reader, linksNode, "links", lines.Entries.Select(e => e.Name).ToArray(), builder)
            : new PlantLinks([]);
        var models = new Dictionary<string, LineModel>(StringComparer.Ordinal);
        var nodes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, key, value) in lines.Entries)
        {
            var line = reader.Map(value, lines.PathOf(name), [.. LineReader.Keys, NodeKey]);
            if (line.Get(NodeKey) is { } node)
            {
                nodes[name] = NodeRole(reader, node, line.PathOf(NodeKey));
            }

            var model = LineReader.Read(reader, line, name, simulation.Start, links);
            reader.Guard(key, line.Path, () => builder.AddLine(model));
            models.Add(name, model);
        }

        foreach (var link in links.All)
        {
            if (!models[link.To].InboundLinks.Contains(link.Name, StringComparer.Ordinal))
            {
                throw reader.Error(link.Map.Require("to"), link.Map.PathOf("to"),
                    $"line '{link.To}' has no task started by link '{link.Name}'; add one under lines.{link.To}.tasks with from_link: {link.Name}.");
            }
        }

        var plant = Build(reader, builder, lines, links);
        var egress = map.Get("egress") is { } egressNode ? EgressReader.Read(reader, egressNode, "egress") : [];
        return new PlantBlueprint(reader.SourceName, simulation, plant, egress) { StateSource = BlueprintReader.StateSource(reader, map), LineNodes = nodes };
    }

    /// <summary>A line's <c>node</c>: the role of the cluster's worker nodes it runs on (<c>actorsim node --roles worker,ROLE</c>).</summary>
    private static string NodeRole(Reader reader, YamlNode node, string path)
    {
        var role = reader.Text(node, path);
        return role.Length > 0 && role.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')
            ? role
            : throw reader.Error(node, path, $"a node role is letters, digits, '-', '_' or '.' (the role a worker node is started with: actorsim node --roles worker,ROLE), got '{role}'.");
    }

    private static MapNode Lines(Reader reader, YamlNode node)
    {
        var lines = reader.AnyMap(node, "lines", "a mapping of sim_ids to lines such as {Machining: {arrivals: ..., tasks: ...}}");
        if (lines.Entries.Count == 0)
        {
            throw reader.Error(node, "lines", "a plant needs at least one line, such as lines: {Machining: {arrivals: ..., tasks: ...}}.");
        }

        foreach (var (name, key, _) in lines.Entries)
        {
            reader.Guard(key, lines.PathOf(name), () => new SimParameter(name));
        }

        return lines;
    }

    /// <summary>Builds the plant; a refusal naming a link goes to its delay (or the link), one naming a line to that line.</summary>
    private static PlantModel Build(Reader reader, PlantBuilder builder, MapNode lines, PlantLinks links)
    {
        try
        {
            return builder.Build();
        }
        catch (ArgumentException e)
        {
            var problem = Reader.Problem(e);
            foreach (var link in links.All)
            {
                if (problem.StartsWith($"Link '{link.Name}'", StringComparison.Ordinal))
                {
                    var delay = problem.Contains("delay", StringComparison.Ordinal) ? link.Map.Get("delay") : null;
                    throw delay is null
                        ? reader.Error(link.Map.Node, link.Map.Path, problem, e)
                        : reader.Error(delay, link.Map.PathOf("delay"), problem, e);
                }
            }

            foreach (var (name, _, value) in lines.Entries)
            {
                if (problem.Contains($"line '{name}'", StringComparison.Ordinal))
                {
                    throw reader.Error(value, lines.PathOf(name), problem, e);
                }
            }

            throw reader.Error(lines.Node, lines.Path, problem, e);
        }
    }
}
