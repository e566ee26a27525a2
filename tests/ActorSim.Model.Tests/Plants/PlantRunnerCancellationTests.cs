using ActorSim.Model.Building;
using ActorSim.Model.Plants;
using ActorSim.Model.Records;
using ActorSim.Model.Tests.Support;

namespace ActorSim.Model.Tests.Plants;

/// <summary>The direct runners stop soon after their token is cancelled, and a token that is never cancelled changes no record.</summary>
public class PlantRunnerCancellationTests
{
    public static TheoryData<string> Runners() => ["sequential", "windowed", "windowed-parallel"];

    [Theory]
    [MemberData(nameof(Runners))]
    public void A_runner_should_stop_soon_after_its_token_is_cancelled(string runner)
    {
        var plant = ReferenceModels.TwoStagePlant();
        const double until = 7 * 86_400;
        using var cancellation = new CancellationTokenSource();
        var sinks = new List<CancellingSink>();

        // Every line cancels once it has published a simulated hour; the week would take far longer.
        Assert.ThrowsAny<OperationCanceledException>(() => Runner(runner, plant).Run(7, until, _ =>
        {
            var sink = new CancellingSink(cancellation, 3_600);
            sinks.Add(sink);
            return sink;
        }, cancellation.Token));

        // A line stops at its next slice (600 simulated seconds) after the cancellation; some never got that far.
        Assert.All(sinks, s => Assert.True(s.LastSimTime < 3_600 + 2 * 600, $"a line went on until t={s.LastSimTime}"));
    }

    [Theory]
    [MemberData(nameof(Runners))]
    public void A_token_that_is_never_cancelled_should_change_no_record(string runner)
    {
        var plant = ReferenceModels.ReworkLoopPlant();
        using var cancellation = new CancellationTokenSource();
        const double until = 4 * 3_600 + 17;

        var (expected, _) = PlantRuns.Run(new SequentialPlantRunner(plant), 42, until);
        var sinks = new Dictionary<string, InMemoryRecordSink>(StringComparer.Ordinal);
        Runner(runner, plant).Run(42, until, line => sinks[line.SimId] = new InMemoryRecordSink(), cancellation.Token);

        foreach (var (simId, records) in expected)
        {
            Assert.True(records.Count > 100, $"{simId} wrote only {records.Count} records");
            Assert.Equal(records, sinks[simId].Records.Select(r => r.ToString()));
        }
    }

    private static IPlantRunner Runner(string name, PlantModel plant) => name switch
    {
        "sequential" => new SequentialPlantRunner(plant),
        "windowed" => new WindowedPlantRunner(plant),
        _ => new WindowedPlantRunner(plant, parallelism: 2),
    };

    /// <summary>Cancels the run when its line publishes the first record at or after a simulated time.</summary>
    private sealed class CancellingSink(CancellationTokenSource cancellation, double at) : IRecordSink
    {
        public double LastSimTime { get; private set; }

        public void Publish(in SimRecord record)
        {
            LastSimTime = record.SimTime;
            if (record.SimTime >= at)
            {
                cancellation.Cancel();
            }
        }
    }
}
