using System.Diagnostics;
using ActorSim.Egress.Routing;
using ActorSim.Egress.Tests.Support;

namespace ActorSim.Egress.Tests;

/// <summary>The run's cancellation ends every wait of a pipeline at once, long before the stall timeout, and stores nothing more.</summary>
public class EgressPipelineCancellationTests
{
    private static readonly TimeSpan StopBound = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task A_publisher_waiting_for_room_should_stop_at_once_when_the_run_is_cancelled()
    {
        var store = new GatedStore();
        using var cancellation = new CancellationTokenSource();
        var pipeline = new EgressPipeline(Records.Start, [Sink(store)], cancellation.Token);
        var publishing = Task.Run(() => pipeline.PublishAll(Records.Lifecycles(100)));
        await Probe.UntilAsync(() => Task.FromResult(publishing.IsCompleted || pipeline.QueuedBatches == 1), TimeSpan.FromSeconds(30), () => "the queue never filled");

        var stopwatch = Stopwatch.StartNew();
        await cancellation.CancelAsync();
        var error = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => publishing.WaitAsync(TimeSpan.FromSeconds(30)));
        await pipeline.DisposeAsync();

        Assert.True(stopwatch.Elapsed < StopBound, $"stopped {stopwatch.Elapsed.TotalSeconds:0.0} s after the cancellation");
        Assert.Matches(@"^Sink 'test' stopped waiting for room in its queue: the run was cancelled; \d+ records not written\.$", error.Message);
        Assert.Empty(store.Objects);
    }

    [Fact]
    public async Task A_drain_waiting_for_a_store_should_stop_at_once_when_the_run_is_cancelled()
    {
        var store = new GatedStore();
        using var cancellation = new CancellationTokenSource();
        var pipeline = new EgressPipeline(Records.Start, [Sink(store)], cancellation.Token);
        pipeline.PublishAll(Records.Lifecycles(3));
        var completing = pipeline.CompleteAsync();

        var stopwatch = Stopwatch.StartNew();
        await cancellation.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => completing.WaitAsync(TimeSpan.FromSeconds(30)));
        await pipeline.DisposeAsync();

        Assert.True(stopwatch.Elapsed < StopBound, $"stopped {stopwatch.Elapsed.TotalSeconds:0.0} s after the cancellation");
        Assert.Empty(store.Objects);
        Assert.Throws<EgressException>(() => pipeline.Publish(Records.Lifecycles(1).First()));
    }

    [Fact]
    public async Task A_pipeline_whose_token_is_never_cancelled_should_write_every_record()
    {
        var store = new MemoryStore();
        using var cancellation = new CancellationTokenSource();
        await using var pipeline = new EgressPipeline(Records.Start, [Sink(store)], cancellation.Token);
        pipeline.PublishAll(Records.Lifecycles(100));

        var report = await pipeline.CompleteAsync();

        Assert.Equal(report.Sinks[0].Published, report.Sinks[0].Written);
        Assert.Equal(report.Sinks[0].Written, Pipelines.JsonLines(store).Count);
    }

    // A stall timeout far longer than the bound: only the cancellation can end the waits in time.
    private static SinkOptions Sink(MemoryStore store) =>
        Pipelines.Sink(store, Routers.History("e.jsonl"), batchSize: 10, flushInterval: 0) with
        {
            MaxQueuedBatches = 1, MaxStoresInFlight = 1, StallTimeout = TimeSpan.FromSeconds(60),
        };
}
