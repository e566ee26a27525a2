using YamlDotNet.RepresentationModel;

namespace ActorSim.Blueprints.Internal;

/// <summary>Reads <c>state_source: {wip, parameters, resources}</c>, each a relation name or a query, into a <see cref="StateSourceSpec"/>.</summary>
internal static class StateSourceReader
{
    private static readonly string[] Keys = ["wip", "parameters", "resources"];

    public static StateSourceSpec Read(Reader reader, YamlNode node, string path)
    {
        var map = reader.Map(node, path, Keys);
        return new StateSourceSpec { Wip = Relation(reader, map, "wip"), Parameters = Relation(reader, map, "parameters"), Resources = Relation(reader, map, "resources") };
    }

    private static string? Relation(Reader reader, MapNode map, string key)
    {
        var text = map.Text(key)?.Trim();
        return text is null or { Length: > 0 }
            ? text
            : throw reader.Error(map.Require(key), map.PathOf(key), "expected a relation name (a table or view such as plant_wip) or a query (SELECT … FROM …), got an empty text.");
    }
}
