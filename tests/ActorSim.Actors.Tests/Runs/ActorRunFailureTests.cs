using ActorSim.Actors.Tests.Support;
using ActorSim.Model.Building;
using ActorSim.Model.Plants;
using ActorSim.Model.Records;

namespace ActorSim.Actors.Tests.Runs;

/// <summary>Real line actors that fail: the run ends with an error naming the line and the simulated time, never hangs.</summary>
[Collection(ActorsCollection.Name)]
public sealed class ActorRunFailureTests
{
    [Fact]
    public void Runner_should_fail_naming_the_line_and_time_when_a_line_throws()
    {
        var plant = ReferenceModels.ReworkLoopPlant(5);
        var runner = new ActorPlantRunner(plant, TestConfig.Settings with { Parallelism = 2 });

        var error = Assert.Throws<LineFailedException>(() =>
            runner.Run(3, 600, line => line.SimId == "Packing" ? new ThrowingSink(from: 100) : new InMemoryRecordSink()));

        Assert.Equal("Packing", error.SimId);
        Assert.InRange(error.SimulatedTime, 100, 110);
        Assert.Contains("Line 'Packing' failed at t=", error.Message, StringComparison.Ordinal);
        Assert.Contains("IOException: disk full", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Runner_should_fail_naming_the_line_and_the_stalled_sink_instead_of_hanging()
    {
        var plant = ReferenceModels.ReworkLoopPlant(5);
        var runner = new ActorPlantRunner(plant, TestConfig.Settings with { Parallelism = 2 });
        var stalled = new ActorSim.Egress.SinkOptions
        {
            Name = "stuck", Store = new NeverStore(), Router = ActorSim.Egress.Routing.Routers.All("events.jsonl"),
            Format = ActorSim.Egress.ChunkFormat.Jsonl, BatchSize = 10, MaxQueuedBatches = 1, MaxStoresInFlight = 1,
            StallTimeout = TimeSpan.FromSeconds(1),
        };
        var watch = System.Diagnostics.Stopwatch.StartNew();

        var error = Assert.Throws<LineFailedException>(() => runner.Run(3, 3600, line => line.SimId == "Inspection"
            ? new ActorEgress(new DateTime(2026, 1, 1), [stalled])
            : new InMemoryRecordSink()));

        Assert.Equal("Inspection", error.SimId);
        Assert.Contains("Sink 'stuck' stopped consuming", error.Message, StringComparison.Ordinal);
        Assert.Contains("records not written", error.Message, StringComparison.Ordinal);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), $"took {watch.Elapsed}");
    }

    [Fact]
    public void Runner_should_fail_naming_the_line_when_its_sink_cannot_be_created()
    {
        var plant = ReferenceModels.TwoStagePlant(5);
        var runner = new ActorPlantRunner(plant, TestConfig.Settings with { Parallelism = 1 });

        var error = Assert.Throws<LineFailedException>(() =>
            runner.Run(3, 600, line => line.SimId == "Assembly_3" ? throw new UnauthorizedAccessException("no write access") : new InMemoryRecordSink()));

        Assert.Equal("Assembly_3", error.SimId);
        Assert.Contains("no write access", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Runner_should_stop_between_rounds_when_cancelled()
    {
        var plant = ReferenceModels.ReworkLoopPlant(5);
        var runner = new ActorPlantRunner(plant, TestConfig.Settings with { Parallelism = 1 });
        using var cancel = new CancellationTokenSource();

        // The first line to start cancels: the stop reaches the coordinator while it starts, long before a year is simulated.
        var error = Assert.ThrowsAny<OperationCanceledException>(() => runner.RunAsync(3, 86400 * 365, line =>
        {
            cancel.Cancel();
            return new InMemoryRecordSink();
        }, cancel.Token).GetAwaiter().GetResult());

        Assert.Contains("stopped before its end time", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancelling_a_free_line_in_its_one_long_grant_should_stop_it_within_a_slice()
    {
        // A line without links is granted the whole year at once; the stop curtails it at its next progress slice. With
        // no line turn the line reads its mailbox after every slice, not after 10 ms of them (hours of Line_A).
        var plant = new PlantBuilder().AddLine(ReferenceModels.LineA()).Build();
        await using var host = ActorSimHost.Start(TestConfig.Settings with { Parallelism = 1, LineTurn = TimeSpan.Zero });
        using var gate = new GatedSink(holdAt: 7200);
        var run = await host.StartRunAsync(plant, 3, 86400 * 365, _ => gate);
        await gate.Reached.WaitAsync(TimeSpan.FromSeconds(30));

        // Held at t=7200 while the coordinator takes the stop: once it answers, the curtail is in the line's mailbox.
        run.Stop();
        await run.ProgressAsync();
        gate.Open();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run.Completion);
        Assert.InRange(gate.LastSimTime, 7200, 7200 + (3 * TestConfig.Settings.ProgressInterval));
    }
}
