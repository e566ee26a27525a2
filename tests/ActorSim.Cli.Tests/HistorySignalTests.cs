using System.Diagnostics;
using ActorSim.Cli.Tests.Support;
using ActorSim.Egress.Tests.Support;

namespace ActorSim.Cli.Tests;

/// <summary>
/// SIGTERM (docker stop, Kubernetes) and SIGINT (Ctrl+C) sent to the real actorsim process: a graceful stop within
/// seconds, exit 143 or 130, one message naming the signal, and only whole chunk files with no temporary file left.
/// </summary>
public class HistorySignalTests
{
    private static readonly TimeSpan StopBound = TimeSpan.FromSeconds(5);

    public static TheoryData<string, int, string[]> Cases() => new()
    {
        // The default line on the default (actors) engine, a year of it: what a container runs.
        { "TERM", 143, ["--duration", "52 weeks", "--format", "parquet"] },
        { "INT", 130, ["--duration", "52 weeks", "--format", "jsonl"] },
        { "INT", 130, ["--model", Plant, "--engine", "reference", "--duration", "8 weeks", "--format", "jsonl"] },
        { "TERM", 143, ["--model", Plant, "--engine", "windowed", "--parallelism", "2", "--duration", "8 weeks", "--format", "parquet"] },
    };

    private static string Plant => Path.Combine(Repository.Root, "examples", "two-stage-plant.yaml");

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_signal_should_stop_the_process_gracefully_with_its_exit_code_and_leave_whole_files(string signal, int exitCode, string[] args)
    {
        using var dir = new TempDirectory();
        using var cli = CliProcess.Start(["history", .. args, "--start", "2026-01-01T00:00:00", "--dest", dir.Path, "--progress", "none"]);
        await Probe.UntilAsync(() => Task.FromResult(cli.HasExited || HasChunk(dir.Path)), TimeSpan.FromSeconds(60), () => $"no chunk within 60 s: {cli.Error}");
        Assert.False(cli.HasExited, $"actorsim ended before the signal: {cli.Error}");

        var stopwatch = Stopwatch.StartNew();
        await cli.SignalAsync(signal);
        await cli.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.True(stopwatch.Elapsed < StopBound, $"actorsim stopped {stopwatch.Elapsed.TotalSeconds:0.0} s after SIG{signal}");
        Assert.True(cli.ExitCode == exitCode, $"exit {cli.ExitCode}, expected {exitCode}: {cli.Error}");
        Assert.Equal(
            $"actorsim: the run was stopped by SIG{signal}{(signal == "INT" ? " (Ctrl+C)" : string.Empty)} before its end; the chunk files written are whole, the records not stored yet were not written.",
            cli.Error.Trim());
        Assert.True(ChunkFiles.AssertWhole(dir.Path) > 0);
    }

    private static bool HasChunk(string folder) =>
        Directory.Exists(folder) && Directory.EnumerateFiles(folder, "*.*", SearchOption.AllDirectories).Any(f => f.EndsWith(".parquet", StringComparison.Ordinal) || f.EndsWith(".jsonl", StringComparison.Ordinal));
}
