using ActorSim.Model.Parameters;
using YamlDotNet.RepresentationModel;

namespace ActorSim.Blueprints.Internal;

/// <summary>Reads the <c>simulation</c> section into <see cref="SimulationSettings"/>.</summary>
internal static class SimulationReader
{
    public static readonly string[] Keys = ["sim_id", "seed", "start", "duration", "factor", "go_live_at"];

    /// <summary>Reads the section; <c>sim_id</c> is required unless <paramref name="defaultSimId"/> is given (a plant's name).</summary>
    public static SimulationSettings Read(Reader reader, YamlNode node, string? defaultSimId = null)
    {
        var map = reader.Map(node, "simulation", Keys);
        var simId = defaultSimId is null ? map.RequireText("sim_id") : map.Text("sim_id") ?? defaultSimId;
        if (map.Get("sim_id") is { } simIdNode)
        {
            reader.Guard(simIdNode, map.PathOf("sim_id"), () => new SimParameter(simId));
        }

        return new SimulationSettings(
            simId,
            Seed(reader, map),
            Time(reader, map, "start"),
            map.Duration("duration"),
            Factor(reader, map),
            Time(reader, map, "go_live_at"));
    }

    private static ulong Seed(Reader reader, MapNode map)
    {
        if (map.Get("seed") is not { } node)
        {
            return SimulationSettings.DefaultSeed;
        }

        var text = reader.Text(node, map.PathOf("seed"));
        return Scalars.TryULong(text, out var seed)
            ? seed
            : throw reader.Error(node, map.PathOf("seed"), $"expected a whole number from 0 to {ulong.MaxValue}, got '{text}'.");
    }

    private static DateTime? Time(Reader reader, MapNode map, string key)
    {
        if (map.Get(key) is not { } node)
        {
            return null;
        }

        var text = reader.Text(node, map.PathOf(key));
        return StartTime.TryParse(text, reader.Options.Clock.GetUtcNow(), out var time)
            ? time
            : throw reader.Error(node, map.PathOf(key), $"'{text}' is not a {(key == "start" ? "start time" : "time")}; {StartTime.AcceptedForms}.");
    }

    private static double Factor(Reader reader, MapNode map)
    {
        var factor = map.Number("factor") ?? 0;
        return factor >= 0
            ? factor
            : throw reader.Error(map.Require("factor"), map.PathOf("factor"), $"expected 0 (as fast as possible) or a positive number of wall seconds per simulated second, got {factor}.");
    }
}
