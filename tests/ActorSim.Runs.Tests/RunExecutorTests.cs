using ActorSim.Actors;
using ActorSim.Egress;
using ActorSim.Runs.Execution;

namespace ActorSim.Runs.Tests;

public sealed class RunExecutorTests
{
    private static readonly ActorRunnerSettings Quiet = ActorRunnerSettings.Default with { Parallelism = 2, LogLevel = "WARNING" };

    [Fact]
    public async Task Every_engine_writes_the_same_bytes_for_one_plant_spec()
    {
        var spec = Specs.Resolve(Specs.TwoStagePlant, r => r with { DurationSeconds = 2 * 3600, Format = ChunkFormat.Jsonl, KeepTelemetry = true, Parallelism = 2 });
        using var reference = new TempFolder();
        using var windowed = new TempFolder();
        using var actors = new TempFolder();
        await using var host = ActorSimHost.Start(Quiet);

        var outcome = await RunAsync(spec with { Engine = RunEngine.Reference }, reference.Path, null);
        await RunAsync(spec with { Engine = RunEngine.Windowed }, windowed.Path, null);
        var byActors = await RunAsync(spec with { Engine = RunEngine.Actors }, actors.Path, host);

        AssertSameFiles(reference, windowed);
        AssertSameFiles(reference, actors);
        Assert.Equal(outcome.Records, byActors.Records);
        Assert.True(outcome.Records > 0);
        Assert.Equal(outcome.Lines.Select(l => l.Line), byActors.Lines.Select(l => l.Line));
        Assert.NotNull(byActors.ActorStats);
        Assert.Null(outcome.ActorStats);
    }

    [Fact]
    public async Task A_single_line_writes_the_same_bytes_on_the_reference_engine_and_the_actors()
    {
        var spec = Specs.Resolve(ModelSource.FromCatalog("Line_A"), r => r with { DurationSeconds = 6 * 3600, Start = new DateTime(2026, 1, 1), BatchSize = 2000 });
        using var reference = new TempFolder();
        using var actors = new TempFolder();
        await using var host = ActorSimHost.Start(Quiet with { Parallelism = 1 });

        var direct = await RunAsync(spec with { Engine = RunEngine.Reference }, reference.Path, null);
        await RunAsync(spec with { Engine = RunEngine.Actors }, actors.Path, host);

        AssertSameFiles(reference, actors);
        Assert.True(direct.Tasks > 0, "the reference engine counts a single line's tasks");
        Assert.Equal(direct.Records, Assert.Single(direct.Lines).Report.Sinks.Sum(s => s.Published));
    }

    [Fact]
    public async Task A_single_line_tells_its_progress_up_to_its_end()
    {
        var spec = Specs.Resolve(ModelSource.FromCatalog("Line_A"), r => r with { DurationSeconds = 3 * 3600, Engine = RunEngine.Reference });
        using var folder = new TempFolder();
        var samples = new List<RunSample>();

        await RunExecutor.RunAsync(Compile(spec, folder.Path), new RunExecution { Progress = samples.Add });

        Assert.Equal([3600.0, 7200.0, 10800.0], samples.Select(s => s.SimulatedSeconds));
        Assert.All(samples, s => Assert.Equal(10800, s.DurationSeconds));
        Assert.True(samples[^1].Records > samples[0].Records);
    }

    [Fact]
    public async Task A_plant_shorter_than_one_progress_interval_still_tells_its_progress_once_it_ends()
    {
        var spec = Specs.Resolve(ModelSource.FromCatalog("two-stage"), r => r with { DurationSeconds = 600, Engine = RunEngine.Reference });
        using var folder = new TempFolder();
        var samples = new List<RunSample>();

        await RunExecutor.RunAsync(Compile(spec, folder.Path), new RunExecution { Progress = samples.Add, ProgressInterval = TimeSpan.FromHours(1) });

        var last = Assert.Single(samples);
        Assert.True(last.SimulatedSeconds > 0 && last.Records > 0, $"{last}");
    }

    [Fact]
    public async Task The_actors_engine_needs_the_processs_actor_host()
    {
        var spec = Specs.Resolve(ModelSource.FromCatalog("Line_A"), r => r with { DurationSeconds = 60 });

        var e = await Assert.ThrowsAsync<ArgumentException>(() => RunExecutor.RunAsync(RunCompiler.Compile(spec), new RunExecution()));

        Assert.Contains("actor host", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(RunEngine.Reference)]
    [InlineData(RunEngine.Actors)]
    public async Task A_run_whose_store_fails_names_its_line_and_keeps_its_counts(RunEngine engine)
    {
        using var folder = new TempFolder();
        var blocked = Path.Combine(folder.Path, "a-file");
        await File.WriteAllTextAsync(blocked, "not a folder");
        var spec = Specs.Resolve(ModelSource.FromCatalog("Line_A"), r => r with { DurationSeconds = 3600, Engine = engine, BatchSize = 100 });
        await using var host = engine == RunEngine.Actors ? ActorSimHost.Start(Quiet with { Parallelism = 1 }) : null;

        var e = await Assert.ThrowsAsync<RunExecutionException>(() => RunAsync(spec, blocked, host));

        Assert.Equal("Line_A", e.Line);
        var (line, report) = Assert.Single(e.Egress);
        Assert.Equal("Line_A", line);
        Assert.True(report.Sinks[0].Published > 0, "the records accepted before the failure are counted");
        Assert.Equal(report.Sinks[0].Published, report.Sinks[0].Written + report.Sinks[0].Dropped + report.Sinks[0].NotWritten);
    }

    [Theory]
    [InlineData(RunEngine.Reference)]
    [InlineData(RunEngine.Actors)]
    public async Task A_failed_runs_counts_include_a_chunk_that_landed_after_the_failure(RunEngine engine)
    {
        // The second chunk fails while the first is still being stored; the first lands afterwards and must count.
        var store = new LateLandingStore(TimeSpan.FromMilliseconds(300));
        var spec = Specs.Resolve(ModelSource.FromCatalog("Line_A"), r => r with { DurationSeconds = 3600, Engine = engine, BatchSize = 100, Format = ChunkFormat.Jsonl });
        await using var host = engine == RunEngine.Actors ? ActorSimHost.Start(Quiet with { Parallelism = 1 }) : null;

        var e = await Assert.ThrowsAsync<RunExecutionException>(() => RunExecutor.RunAsync(RunCompiler.Compile(spec, _ => store), new RunExecution { Host = host }));

        var stored = Assert.Single(store.Objects).Value;
        var rows = stored.Count(b => b == (byte)'\n');
        Assert.Equal(100, rows);
        var sink = Assert.Single(e.Egress).Report.Sinks[0];
        Assert.Equal(rows, sink.Written);
        Assert.Equal(sink.Published - sink.Dropped - rows, sink.NotWritten);
    }

    private static CompiledRun Compile(RunSpec spec, string destination) =>
        RunCompiler.Compile(spec with { Sinks = spec.Sinks.Select(s => s with { Destination = destination }).ToArray() });

    private static Task<RunOutcome> RunAsync(RunSpec spec, string destination, ActorSimHost? host) =>
        RunExecutor.RunAsync(Compile(spec, destination), new RunExecution { Host = host });

    private static void AssertSameFiles(TempFolder expected, TempFolder actual)
    {
        var files = expected.Files();
        Assert.NotEmpty(files);
        Assert.Equal(files, actual.Files());
        foreach (var file in files)
        {
            Assert.True(
                File.ReadAllBytes(Path.Combine(expected.Path, file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(actual.Path, file))),
                $"{file} differs");
        }
    }
}
