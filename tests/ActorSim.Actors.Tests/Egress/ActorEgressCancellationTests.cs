using System.Diagnostics;
using ActorSim.Actors.Tests.Support;
using ActorSim.Egress;
using ActorSim.Egress.Routing;
using ActorSim.Model.Building;
using ActorSim.Model.Records;

namespace ActorSim.Actors.Tests.Egress;

/// <summary>The run's cancellation ends a line's wait for credits at once, long before the stall timeout, and nothing more is stored.</summary>
[Collection(ActorsCollection.Name)]
public sealed class ActorEgressCancellationTests
{
    private static readonly DateTime Start = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task A_line_waiting_for_credits_should_stop_at_once_when_the_run_is_cancelled()
    {
        var plant = ReferenceModels.ReworkLoopPlant(5);
        var store = new GatedStore();
        var sink = new SinkOptions
        {
            Name = "gated", Store = store, Router = Routers.All("events.jsonl"), Format = ChunkFormat.Jsonl,
            BatchSize = 10, FlushInterval = 0, MaxQueuedBatches = 2, MaxStoresInFlight = 1, StallTimeout = TimeSpan.FromSeconds(60),
        };
        using var cancellation = new CancellationTokenSource();
        var egress = new ActorEgress(Start, [sink], cancellation.Token);
        var run = new ActorPlantRunner(plant, TestConfig.Settings with { Parallelism = 2 })
            .RunAsync(3, 3600, line => line.SimId == "Machining" ? egress : new InMemoryRecordSink(), cancellation.Token);
        // Both credits spent and the store held: the line is about to wait for a credit, for up to the stall timeout.
        var deadline = Stopwatch.StartNew();
        while (egress.Progress()[0].QueuedBatches < 2 && !run.IsCompleted && deadline.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(20);
        }

        Assert.False(run.IsCompleted, "the run ended before it was cancelled");
        var stopwatch = Stopwatch.StartNew();
        await cancellation.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run.WaitAsync(TimeSpan.FromSeconds(60)));

        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(5), $"stopped {stopwatch.Elapsed.TotalSeconds:0.0} s after the cancellation");
        Assert.Empty(store.Objects);
        await Assert.ThrowsAsync<EgressException>(() => egress.Completion);
    }
}
