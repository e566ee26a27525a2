using ActorSim.Model.Plants;
using ActorSim.Model.Records;

namespace ActorSim.Actors.Tests.Support;

/// <summary>Runs plants into memory and renders each line's records with <c>ToString()</c>, in publication order.</summary>
internal static class PlantRuns
{
    public static (Dictionary<string, List<string>> Records, PlantRunStats Stats) Run(IPlantRunner runner, ulong seed, double until)
    {
        var sinks = new System.Collections.Concurrent.ConcurrentDictionary<string, InMemoryRecordSink>(StringComparer.Ordinal);
        var stats = runner.Run(seed, until, line => sinks[line.SimId] = new InMemoryRecordSink());
        return (sinks.ToDictionary(p => p.Key, p => p.Value.Records.Select(r => r.ToString()).ToList(), StringComparer.Ordinal), stats);
    }
}
