using ActorSim.Actors.Messages;
using ActorSim.Actors.Tests.Support;
using ActorSim.Egress;
using ActorSim.Egress.Routing;
using ActorSim.Egress.Storage;
using ActorSim.Model.Building;
using ActorSim.Model.Plants;
using ActorSim.Model.Records;

namespace ActorSim.Actors.Tests.Runs;

/// <summary>One host, one ActorSystem, many runs: each under its own coordinator and id, none disturbing another.</summary>
[Collection(ActorsCollection.Name)]
public sealed class ActorSimHostTests : IDisposable
{
    private static readonly DateTime Start = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private readonly string _root = Path.Combine(Path.GetTempPath(), "actorsim-host-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task A_run_that_fails_beside_another_should_leave_the_other_runs_files_as_a_run_alone_writes_them()
    {
        var plant = ReferenceModels.TwoStagePlant(5);
        var settings = TestConfig.Settings with { Parallelism = 2 };
        await using (var alone = ActorSimHost.Start(settings))
        {
            var solo = await alone.StartRunAsync(plant, 42, 3600, PerLineEgress.SinkFor(Start, [Sink("alone")]), runId: "solo");
            await solo.Completion;
        }

        await using var host = ActorSimHost.Start(settings);
        var kept = await host.StartRunAsync(plant, 42, 3600, PerLineEgress.SinkFor(Start, [Sink("kept")]), runId: "kept");
        var broken = await host.StartRunAsync(plant, 7, 3600, _ => new ThrowingSink(from: 600), runId: "broken");

        var failure = await Assert.ThrowsAsync<LineFailedException>(() => broken.Completion);
        var stats = await kept.Completion;

        Assert.Contains("disk full", failure.Message, StringComparison.Ordinal);
        Assert.All(stats.Lines, l => Assert.True(l.RecordsWritten > 0, l.ToString()));
        var expected = Files("alone");
        Assert.NotEmpty(expected);
        Assert.Equal(expected.Keys, Files("kept").Keys);
        foreach (var (name, bytes) in Files("kept"))
        {
            Assert.True(expected[name].AsSpan().SequenceEqual(bytes), $"{name} differs from the run alone");
        }

        Assert.Empty(host.Runs);
    }

    [Fact]
    public async Task Runs_on_one_host_should_write_the_records_of_runs_on_hosts_of_their_own()
    {
        var plant = ReferenceModels.TwoStagePlant(5);
        var settings = TestConfig.Settings with { Parallelism = 2 };
        var (own, ownStats) = PlantRuns.Run(new ActorPlantRunner(plant, settings), 42, 1800);

        await using var host = ActorSimHost.Start(settings);
        var sinks = new System.Collections.Concurrent.ConcurrentDictionary<string, InMemoryRecordSink>(StringComparer.Ordinal);
        var other = await host.StartRunAsync(plant, 43, 1800, _ => new CountingRecordSink());
        var stats = await new ActorPlantRunner(plant, settings).RunAsync(42, 1800, line => sinks[line.SimId] = new InMemoryRecordSink(), host, CancellationToken.None);
        await other.Completion;

        Assert.Equal(ownStats.ProcessedEvents, stats.ProcessedEvents);
        foreach (var (simId, records) in own)
        {
            Assert.True(records.Count > 100);
            Assert.Equal(records, sinks[simId].Records.Select(r => r.ToString()));
        }
    }

    [Fact]
    public async Task A_run_handle_should_pause_report_progress_resume_and_complete()
    {
        var plant = ReferenceModels.TwoStagePlant(5);
        await using var host = ActorSimHost.Start(TestConfig.Settings with { Parallelism = 2, ProgressInterval = 60 });
        using var gate = new GatedSink();
        var run = await host.StartRunAsync(plant, 42, 4 * 3600, line => line.SimId == plant.Lines[^1].SimId ? gate : new CountingRecordSink(), runId: "paused-run");
        await gate.Reached.WaitAsync(TimeSpan.FromSeconds(30));

        var pausing = run.PauseAsync();
        gate.Open();
        var paused = await pausing;
        var again = await run.ProgressAsync();
        await run.ResumeAsync();
        var stats = await run.Completion;

        Assert.Equal("paused-run", paused.RunId);
        Assert.True(paused.ReachedTime < 4 * 3600, paused.ToString());
        Assert.Equal(4 * 3600, paused.EndTime);
        Assert.Equal((paused.Round, paused.ReachedTime), (again.Round, again.ReachedTime));
        Assert.True(stats.ProcessedEvents > again.ProcessedEvents, $"{stats.ProcessedEvents} vs {again}");
        await Assert.ThrowsAsync<InvalidOperationException>(() => run.ProgressAsync());
    }

    [Fact]
    public async Task Stopping_a_run_should_end_it_alone_and_its_completion_should_say_so()
    {
        var plant = ReferenceModels.TwoStagePlant(5);
        await using var host = ActorSimHost.Start(TestConfig.Settings with { Parallelism = 2, ProgressInterval = 60 });
        using var gate = new GatedSink();
        var stopped = await host.StartRunAsync(plant, 42, 365 * 86400.0, line => line.SimId == plant.Lines[^1].SimId ? gate : new CountingRecordSink());
        var other = await host.StartRunAsync(plant, 42, 600, _ => new CountingRecordSink());
        await gate.Reached.WaitAsync(TimeSpan.FromSeconds(30));

        stopped.Stop();
        gate.Open();

        var error = await Assert.ThrowsAsync<OperationCanceledException>(() => stopped.Completion);
        Assert.Contains(stopped.RunId, error.Message, StringComparison.Ordinal);
        Assert.True((await other.Completion).ProcessedEvents > 0);
    }

    [Fact]
    public async Task A_second_run_with_the_id_of_one_in_progress_should_be_refused()
    {
        var plant = new PlantBuilder().AddLine(ReferenceModels.LineA()).Build();
        await using var host = ActorSimHost.Start(TestConfig.Settings with { Parallelism = 1, ProgressInterval = 60 });
        using var gate = new GatedSink();
        var first = await host.StartRunAsync(plant, 1, 365 * 86400.0, _ => gate, runId: "twice");
        await gate.Reached.WaitAsync(TimeSpan.FromSeconds(30));

        var error = await Assert.ThrowsAsync<ArgumentException>(() => host.StartRunAsync(plant, 2, 60, _ => new CountingRecordSink(), runId: "twice"));
        var badId = await Assert.ThrowsAsync<ArgumentException>(() => host.StartRunAsync(plant, 2, 60, _ => new CountingRecordSink(), runId: "a/b"));
        first.Stop();
        gate.Open();
        await Assert.ThrowsAsync<OperationCanceledException>(() => first.Completion);
        var again = await host.StartRunAsync(plant, 2, 60, _ => new CountingRecordSink(), runId: "twice");

        Assert.Contains("'twice' is in progress", error.Message, StringComparison.Ordinal);
        Assert.Contains("'a/b'", badId.Message, StringComparison.Ordinal);
        Assert.True((await again.Completion).ProcessedEvents > 0);
    }

    [Fact]
    public async Task A_run_whose_settings_give_another_system_should_be_refused_and_one_that_only_steers_actors_taken()
    {
        var plant = new PlantBuilder().AddLine(ReferenceModels.LineA()).Build();
        var settings = TestConfig.Settings with { Parallelism = 1 };
        await using var host = ActorSimHost.Start(settings);

        var mismatch = await Assert.ThrowsAsync<ArgumentException>(() =>
            new ActorPlantRunner(plant, settings with { Parallelism = 2 }).RunAsync(1, 60, _ => new InMemoryRecordSink(), host, CancellationToken.None));
        var stats = await new ActorPlantRunner(plant, settings with { ProgressInterval = 10 }).RunAsync(1, 60, _ => new InMemoryRecordSink(), host, CancellationToken.None);

        Assert.Contains("another actor system than the host's", mismatch.Message, StringComparison.Ordinal);
        Assert.True(stats.ProcessedEvents > 0);
    }

    [Fact]
    public async Task A_host_whose_system_failed_to_start_should_fail_the_run_and_dispose_quietly()
    {
        var plant = new PlantBuilder().AddLine(ReferenceModels.LineA()).Build();
        var host = ActorSimHost.StartForTests(TestConfig.Settings, () => throw new InvalidOperationException("no room for Akka"));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => host.StartRunAsync(plant, 42, 60, _ => new CountingRecordSink()));

        Assert.Equal("no room for Akka", error.Message);
        await host.DisposeAsync();
    }

    [Fact]
    public async Task Disposing_a_host_should_stop_its_runs_and_terminate_its_system()
    {
        var plant = new PlantBuilder().AddLine(ReferenceModels.LineA()).Build();
        var host = ActorSimHost.Start(TestConfig.Settings with { Parallelism = 1, ProgressInterval = 60 });
        var system = await host.SystemForTests;
        using var gate = new GatedSink();
        var run = await host.StartRunAsync(plant, 1, 365 * 86400.0, _ => gate);
        await gate.Reached.WaitAsync(TimeSpan.FromSeconds(30));

        var disposing = host.DisposeAsync();
        gate.Open();
        await disposing;

        await Assert.ThrowsAsync<OperationCanceledException>(() => run.Completion);
        Assert.True(system.WhenTerminated.IsCompleted);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => host.StartRunAsync(plant, 1, 60, _ => new CountingRecordSink()));
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    private SinkOptions Sink(string folder) => new()
    {
        Name = "history", Store = new LocalObjectStore(Path.Combine(_root, folder)), Router = Routers.All("records.jsonl"), Format = ChunkFormat.Jsonl, BatchSize = 500,
    };

    private Dictionary<string, byte[]> Files(string folder)
    {
        var root = Path.Combine(_root, folder);
        return Directory.GetFiles(root, "*", SearchOption.AllDirectories).ToDictionary(f => Path.GetRelativePath(root, f), File.ReadAllBytes, StringComparer.Ordinal);
    }
}
