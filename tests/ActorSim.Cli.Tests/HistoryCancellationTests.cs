using System.Collections;
using System.Diagnostics;
using ActorSim.Cli.Tests.Support;
using ActorSim.Egress.Tests.Support;

namespace ActorSim.Cli.Tests;

/// <summary>
/// A cancelled run (the token Ctrl+C cancels) stops within seconds in every mode, exits 130 with one message, and leaves
/// only whole chunk files. Each run is long enough to be still running when it is cancelled; the bound, measured from
/// the cancellation, is generous for a loaded 2-core machine and far below the uncancelled run's length.
/// </summary>
public class HistoryCancellationTests
{
    private static readonly TimeSpan StopBound = TimeSpan.FromSeconds(5);
    private const string StoppedMessage = "actorsim: the run was stopped on request before its end; the chunk files written are whole, the records not stored yet were not written.";

    [Theory]
    [InlineData("reference")]
    [InlineData("windowed")]
    [InlineData("actors")]
    public async Task A_plant_run_should_exit_130_within_seconds_of_a_cancellation_leaving_whole_files(string engine)
    {
        using var dir = new TempDirectory();
        using var cancellation = new CancellationTokenSource();
        var model = Path.Combine(Repository.Root, "examples", "two-stage-plant.yaml");
        // Eight weeks of the eight-line plant: minutes of work on any engine.
        var run = Task.Run(() => ActorsimCommand.RunAsync(null, cancellation.Token,
            "history", "--model", model, "--duration", "8 weeks", "--format", "parquet", "--dest", dir.Path, "--engine", engine, "--parallelism", "2", "--progress", "none"));
        await Probe.UntilAsync(() => Task.FromResult(run.IsCompleted || HasChunk(dir.Path)), TimeSpan.FromSeconds(60), () => "the run wrote no chunk within 60 s");
        Assert.False(run.IsCompleted, "the run ended before it was cancelled");

        var stopwatch = Stopwatch.StartNew();
        await cancellation.CancelAsync();
        var (code, output, error) = await run.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.True(stopwatch.Elapsed < StopBound, $"the run stopped {stopwatch.Elapsed.TotalSeconds:0.0} s after the cancellation");
        Assert.Equal(130, code);
        Assert.Equal(StoppedMessage, error.Trim());
        Assert.DoesNotContain("Simulated ", output, StringComparison.Ordinal);
        Assert.True(ChunkFiles.AssertWhole(dir.Path) > 0);
    }

    [Fact]
    public async Task A_paced_line_on_the_reference_engine_should_exit_130_within_seconds_of_a_cancellation()
    {
        using var dir = new TempDirectory();
        using var cancellation = new CancellationTokenSource();
        var model = dir.Sub("paced.yaml");
        var yaml = await File.ReadAllTextAsync(Path.Combine(Repository.Root, "examples", "line.yaml"));
        await File.WriteAllTextAsync(model, yaml.Replace("duration: 1 week}", "duration: 1 week, factor: 1}", StringComparison.Ordinal));
        using var output = new WatchedWriter();
        using var error = new StringWriter();
        // Real time: an hour of simulated time lasts an hour, and the line's next event is seconds of wall time away.
        var run = Task.Run(() => CliApplication.RunAsync(
            ["history", "--model", model, "--engine", "reference", "--duration", "1 hour", "--dest", dir.Sub("out"), "--progress", "none"],
            output, error, new Hashtable(), cancellation.Token));
        await Task.WhenAny(output.FirstLine, run).WaitAsync(TimeSpan.FromSeconds(30));
        Assert.False(run.IsCompleted, "the run ended before it was cancelled");
        // The line printed, the engine is about to wait for the wall clock (far longer than this).
        await Task.Delay(50);

        var stopwatch = Stopwatch.StartNew();
        await cancellation.CancelAsync();
        var code = await run.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.True(stopwatch.Elapsed < StopBound, $"the run stopped {stopwatch.Elapsed.TotalSeconds:0.0} s after the cancellation");
        Assert.Equal(130, code);
        Assert.Contains("actorsim history: Line_A", output.ToString(), StringComparison.Ordinal);
        Assert.Equal(StoppedMessage, error.ToString().Trim());
        ChunkFiles.AssertWhole(dir.Sub("out"));
    }

    [Theory]
    [InlineData("actors", "10 mins")]
    [InlineData("actors", "1 week")]
    [InlineData("reference", "10 mins")]
    [InlineData("reference", "1 week")]
    public async Task A_run_waiting_on_a_hung_s3_endpoint_should_exit_130_within_seconds_of_a_cancellation(string engine, string duration)
    {
        // Ten minutes of records fit in the sink's queue, so the run waits in its final drain; a week fills the queue,
        // so the engine waits for room. Either way the store's first request never gets an answer.
        using var endpoint = new HungEndpoint();
        using var cancellation = new CancellationTokenSource();
        var environment = new Hashtable
        {
            ["USE_S3"] = "true",
            ["S3_ENDPOINT"] = endpoint.HostPort,
            ["S3_ACCESS_KEY"] = "user",
            ["S3_SECRET_KEY"] = "password",
        };
        var run = Task.Run(() => ActorsimCommand.RunAsync(environment, cancellation.Token,
            "history", "--duration", duration, "--start", "2026-01-01T00:00:00", "--engine", engine, "--progress", "none"));
        await Probe.UntilAsync(() => Task.FromResult(run.IsCompleted || endpoint.Accepted > 0), TimeSpan.FromSeconds(30), () => "the run sent no request within 30 s");
        Assert.False(run.IsCompleted, "the run ended before it was cancelled");

        var stopwatch = Stopwatch.StartNew();
        await cancellation.CancelAsync();
        var (code, _, error) = await run.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.True(stopwatch.Elapsed < StopBound, $"the run stopped {stopwatch.Elapsed.TotalSeconds:0.0} s after the cancellation");
        Assert.Equal(130, code);
        Assert.Equal(StoppedMessage, error.Trim());
    }

    private static bool HasChunk(string folder) =>
        Directory.Exists(folder) && Directory.EnumerateFiles(folder, "*.parquet", SearchOption.AllDirectories).Any();
}
