using ActorSim.Model.Building;
using YamlDotNet.RepresentationModel;

namespace ActorSim.Blueprints.Internal;

/// <summary>
/// Reads a task's <c>send_to</c>: a link name, one <c>{link, weight, attributes}</c> mapping, or a list of either
/// (one drawn by weight); each link must leave the task's line.
/// </summary>
internal static class SendReader
{
    private static readonly string[] ChoiceKeys = ["link", "weight", "attributes"];

    public static LinkChoice[] Read(Reader reader, YamlNode node, string path, string simId, PlantLinks links)
    {
        var items = node is YamlSequenceNode
            ? reader.Sequence(node, path, "links such as {link: conveyor, weight: 3}")
            : [(node, path)];
        if (items.Count == 0)
        {
            throw reader.Error(node, path, "send_to needs at least one link; remove it if the task sends nothing.");
        }

        var choices = new List<LinkChoice>(items.Count);
        foreach (var (item, itemPath) in items)
        {
            var choice = Choice(reader, item, itemPath, simId, links);
            if (choices.Exists(c => c.Link == choice.Link))
            {
                throw reader.Error(item, itemPath, $"the link '{choice.Link}' is listed twice; give each link once, with its weight.");
            }

            choices.Add(choice);
        }

        return [.. choices];
    }

    private static LinkChoice Choice(Reader reader, YamlNode node, string path, string simId, PlantLinks links)
    {
        if (node is YamlScalarNode)
        {
            return new LinkChoice(Link(reader, node, path, simId, links));
        }

        var map = reader.Map(node, path, ChoiceKeys);
        var link = Link(reader, map.Require("link"), map.PathOf("link"), simId, links);
        var weight = map.Number("weight") ?? 1;
        if (!(weight > 0))
        {
            throw reader.Error(map.Require("weight"), map.PathOf("weight"), $"a weight must be a positive number, got {weight}.");
        }

        return new LinkChoice(link, weight, map.Get("attributes") is { } attributes ? Attributes(reader, attributes, map.PathOf("attributes")) : null);
    }

    private static string Link(Reader reader, YamlNode node, string path, string simId, PlantLinks links)
    {
        var name = reader.Text(node, path);
        var link = links.Find(name)
            ?? throw reader.Error(node, path, $"the link '{name}' is not defined; links from '{simId}': {links.From(simId)}.");
        return link.From == simId
            ? name
            : throw reader.Error(node, path, $"the link '{name}' leaves line '{link.From}', not '{simId}'; a task sends only over links from its own line: {links.From(simId)}.");
    }

    private static Dictionary<string, object> Attributes(Reader reader, YamlNode node, string path)
    {
        var map = reader.AnyMap(node, path, "a mapping of attribute names to values such as {reworked: true}");
        return map.Entries.ToDictionary(e => e.Name, e => reader.Typed(e.Value, map.PathOf(e.Name)), StringComparer.Ordinal);
    }
}
