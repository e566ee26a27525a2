using System.Diagnostics;
using ActorSim.Actors.Tests.Support;
using ActorSim.Model.Building;
using ActorSim.Model.Plants;
using ActorSim.Model.Records;

namespace ActorSim.Actors.Tests.Runs;

/// <summary>Paced runs through the actors: the coordinator grants no further than the wall clock allows.</summary>
[Collection(ActorsCollection.Name)]
public sealed class RealTimeActorRunTests
{
    [Fact]
    public void A_paced_plant_should_follow_the_wall_clock_publish_lag_per_line_and_keep_its_records()
    {
        // 40 simulated seconds at 5 ms per simulated second: at least 0.2 s of wall time.
        var plant = ReferenceModels.ReworkLoopPlant(5);
        // Line actors create their sinks on their own threads, at the same time.
        var paced = new System.Collections.Concurrent.ConcurrentDictionary<string, InMemoryRecordSink>(StringComparer.Ordinal);
        var unpaced = new Dictionary<string, InMemoryRecordSink>(StringComparer.Ordinal);
        var watch = Stopwatch.StartNew();

        new ActorPlantRunner(plant, TestConfig.Settings with { Parallelism = 2, Factor = 0.005, PacingStep = 1 })
            .Run(11, 40, line => paced[line.SimId] = new InMemoryRecordSink());
        var elapsed = watch.Elapsed;
        new SequentialPlantRunner(plant).Run(11, 40, line => unpaced[line.SimId] = new InMemoryRecordSink());

        Assert.True(elapsed >= TimeSpan.FromSeconds(0.19), $"the paced run took only {elapsed.TotalMilliseconds} ms");
        foreach (var (simId, sink) in paced)
        {
            var lag = sink.Records.Where(r => r.PathId == Line.LagMetricPath).ToList();
            Assert.Equal(40, lag.Count);
            Assert.All(lag, r => Assert.True(r.Number >= 0));
            var others = sink.Records.Where(r => r.PathId != Line.LagMetricPath).Select(r => r.ToString());
            Assert.Equal(unpaced[simId].Records.Select(r => r.ToString()), others);
        }
    }

    [Fact]
    public void A_negative_factor_should_be_refused_naming_the_setting()
    {
        var error = Assert.Throws<ArgumentException>(() => (TestConfig.Settings with { Factor = -1 }).Validate());

        Assert.Contains("factor", error.Message, StringComparison.Ordinal);
    }
}
