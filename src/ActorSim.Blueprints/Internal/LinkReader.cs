using ActorSim.Model.Plants;
using YamlDotNet.RepresentationModel;

namespace ActorSim.Blueprints.Internal;

/// <summary>
/// Reads <c>links: {name: {from, to, lookahead, delay}}</c>, checks that both ends are lines of the plant, and adds each
/// link to the <see cref="PlantBuilder"/> (which refuses a lookahead that is not positive at the <c>lookahead</c>).
/// </summary>
internal static class LinkReader
{
    private static readonly string[] LinkKeys = ["from", "to", "lookahead", "delay"];

    public static PlantLinks Read(Reader reader, YamlNode node, string path, IReadOnlyCollection<string> lines, PlantBuilder builder)
    {
        var section = reader.AnyMap(node, path, "a mapping of link names to links such as {from: Machining, to: Assembly, lookahead: 5 s}");
        var links = new List<PlantLink>(section.Entries.Count);
        foreach (var (name, key, value) in section.Entries)
        {
            var linkPath = section.PathOf(name);
            reader.EnsureName(key, linkPath, name);
            var map = reader.Map(value, linkPath, LinkKeys);
            var from = Line(reader, map, "from", lines);
            var to = Line(reader, map, "to", lines);
            var lookaheadNode = map.Require("lookahead");
            var lookahead = reader.Duration(lookaheadNode, map.PathOf("lookahead"));
            var delay = map.Get("delay") is { } delayNode ? DistributionReader.Read(reader, delayNode, map.PathOf("delay")) : null;
            try
            {
                builder.AddLink(name, from, to, lookahead, delay);
            }
            catch (ArgumentException e)
            {
                var lookaheadRefused = e.ParamName == "lookahead";
                throw reader.Error(lookaheadRefused ? lookaheadNode : key, lookaheadRefused ? map.PathOf("lookahead") : linkPath, Reader.Problem(e), e);
            }

            links.Add(new PlantLink(name, from, to, lookahead, delay, map));
        }

        return new PlantLinks(links);
    }

    private static string Line(Reader reader, MapNode map, string key, IReadOnlyCollection<string> lines)
    {
        var name = map.RequireText(key);
        return lines.Contains(name)
            ? name
            : throw reader.Error(map.Require(key), map.PathOf(key), $"the line '{name}' is not defined; lines of the plant: {string.Join(", ", lines)}.");
    }
}
