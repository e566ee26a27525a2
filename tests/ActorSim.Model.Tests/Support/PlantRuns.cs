using ActorSim.Model.Plants;
using ActorSim.Model.Records;

namespace ActorSim.Model.Tests.Support;

/// <summary>Runs plants into memory and renders their records for comparison.</summary>
internal static class PlantRuns
{
    /// <summary>Each line's records as <c>ToString()</c> lines, in publication order, keyed by sim_id.</summary>
    public static (Dictionary<string, List<string>> Records, PlantRunStats Stats) Run(IPlantRunner runner, ulong seed, double until)
    {
        var sinks = new Dictionary<string, InMemoryRecordSink>(StringComparer.Ordinal);
        var stats = runner.Run(seed, until, line => sinks[line.SimId] = new InMemoryRecordSink());
        return (sinks.ToDictionary(p => p.Key, p => p.Value.Records.Select(r => r.ToString()).ToList(), StringComparer.Ordinal), stats);
    }

    /// <summary>Only the lifecycle events, as "time key status path".</summary>
    public static List<string> Lifecycle(IPlantRunner runner, ulong seed, double until, string simId)
    {
        var sinks = new Dictionary<string, InMemoryRecordSink>(StringComparer.Ordinal);
        runner.Run(seed, until, line => sinks[line.SimId] = new InMemoryRecordSink());
        return sinks[simId].Records.Where(r => r.IsLifecycle).Select(r => $"{r.SimTime} {r.Key} {r.Status} {r.PathId}").ToList();
    }
}
