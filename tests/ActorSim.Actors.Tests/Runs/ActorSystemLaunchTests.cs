using ActorSim.Actors.Tests.Support;
using ActorSim.Model.Building;
using ActorSim.Model.Plants;
using ActorSim.Model.Records;

namespace ActorSim.Actors.Tests.Runs;

[Collection(ActorsCollection.Name)]
public sealed class ActorSystemLaunchTests
{
    [Fact]
    public async Task A_run_on_a_launched_system_should_write_the_records_of_a_run_that_starts_its_own()
    {
        var plant = ReferenceModels.TwoStagePlant(5);
        var settings = TestConfig.Settings with { Parallelism = 2 };
        var (own, ownStats) = PlantRuns.Run(new ActorPlantRunner(plant, settings), 42, 1800);

        await using var launch = ActorSystemLaunch.Start(settings);
        var sinks = new System.Collections.Concurrent.ConcurrentDictionary<string, InMemoryRecordSink>(StringComparer.Ordinal);
        var stats = await new ActorPlantRunner(plant, settings).RunAsync(42, 1800, line => sinks[line.SimId] = new InMemoryRecordSink(), launch, CancellationToken.None);

        Assert.Equal(ownStats.ProcessedEvents, stats.ProcessedEvents);
        Assert.Equal(ownStats.ItemsSent, stats.ItemsSent);
        foreach (var (simId, records) in own)
        {
            Assert.True(records.Count > 100);
            Assert.Equal(records, sinks[simId].Records.Select(r => r.ToString()));
        }
    }

    [Fact]
    public async Task A_launch_should_serve_one_run_and_be_refused_by_a_runner_with_other_settings()
    {
        var plant = new PlantBuilder().AddLine(ReferenceModels.LineA()).Build();
        var settings = TestConfig.Settings with { Parallelism = 1 };
        await using var launch = ActorSystemLaunch.Start(settings);

        var mismatch = await Assert.ThrowsAsync<ArgumentException>(() =>
            new ActorPlantRunner(plant, settings with { Parallelism = 2 }).RunAsync(1, 60, _ => new InMemoryRecordSink(), launch, CancellationToken.None));
        // Settings that only steer the actors (here the progress slices) share the system.
        await new ActorPlantRunner(plant, settings with { ProgressInterval = 10 }).RunAsync(1, 60, _ => new InMemoryRecordSink(), launch, CancellationToken.None);
        var reused = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            new ActorPlantRunner(plant, settings).RunAsync(1, 60, _ => new InMemoryRecordSink(), launch, CancellationToken.None));

        Assert.Contains("other system settings", mismatch.Message);
        Assert.Contains("already used", reused.Message);
    }

    [Fact]
    public async Task A_launch_whose_system_failed_to_start_should_fail_the_run_that_takes_it_and_dispose_quietly()
    {
        var plant = new PlantBuilder().AddLine(ReferenceModels.LineA()).Build();
        var settings = TestConfig.Settings with { Parallelism = 1 };
        var failing = ActorSystemLaunch.StartForTests(settings, () => throw new InvalidOperationException("no room for Akka"));
        var untaken = ActorSystemLaunch.StartForTests(settings, () => throw new InvalidOperationException("no room for Akka"));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => new ActorPlantRunner(plant, settings).RunAsync(42, 60, _ => new CountingRecordSink(), failing, CancellationToken.None));

        Assert.Equal("no room for Akka", error.Message);
        await failing.DisposeAsync();
        await untaken.DisposeAsync();
    }

    [Fact]
    public async Task Disposing_a_launch_no_run_took_should_terminate_its_system()
    {
        var launch = ActorSystemLaunch.Start(TestConfig.Settings with { Parallelism = 1 });
        var system = await launch.SystemForTests;

        await launch.DisposeAsync();

        Assert.True(system.WhenTerminated.IsCompleted);
    }
}
