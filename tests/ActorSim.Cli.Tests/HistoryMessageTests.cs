using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using ActorSim.Cli.Tests.Support;
using ActorSim.Egress.Tests.Support;

namespace ActorSim.Cli.Tests;

/// <summary>What a user reads when a run fails or a flag or blueprint is wrong: once, in their terms.</summary>
public partial class HistoryMessageTests
{
    private static readonly string[] From2026 = ["history", "--start", "2026-01-01T00:00:00", "--progress", "none"];

    [Fact]
    public async Task A_failed_run_should_be_printed_once_not_repeated_by_the_actor_log()
    {
        using var dir = new TempDirectory();
        var blocker = BlockDayOnceLockedAsync(dir.Path, "2026-01-03");

        // The real process: Akka's log goes to the console, which only a process shows.
        var (code, stdout, stderr) = await RunProcessAsync([.. From2026, "--duration", "4 days", "--partition-by-date", "--dest", dir.Path]);
        await blocker;

        var all = stdout + stderr;
        Assert.Equal(1, code);
        Assert.DoesNotContain("[ERROR]", all, StringComparison.Ordinal);
        Assert.True(Count(all, "failed writing chunk 'date=2026-01-03/events_000001.parquet'") == 1, all);
        Assert.True(Count(all, "Line 'Line_A' failed at t=") == 1, all);
        Assert.StartsWith("actorsim: the history run failed: Line 'Line_A' failed at t=", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("actors")]
    [InlineData("reference")]
    [InlineData("windowed")]
    public async Task A_failed_line_should_be_named_once_with_its_simulated_time_and_the_instant(string engine)
    {
        using var dir = new TempDirectory();
        var blocker = BlockDayOnceLockedAsync(dir.Path, "2026-01-03");

        var (code, _, error) = await ActorsimCommand.RunAsync([.. From2026, "--duration", "4 days", "--partition-by-date", "--engine", engine, "--dest", dir.Path]);
        await blocker;

        Assert.Equal(1, code);
        Assert.Equal(1, Count(error, "Line 'Line_A' failed"));
        Assert.DoesNotContain("Process 'part'", error, StringComparison.Ordinal);
        Assert.DoesNotContain("EgressException", error, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"t=\d+\.\d{4,}", error);
        var time = FailedAt().Match(error);
        Assert.True(time.Success, error);
        int Part(string name) => time.Groups[name].Success ? int.Parse(time.Groups[name].Value, CultureInfo.InvariantCulture) : 0;
        var simulated = new TimeSpan(Part("d"), Part("h"), Part("m"), Part("s"), Part("ms"));
        Assert.Equal(new DateTime(2026, 1, 1) + simulated, DateTime.ParseExact(time.Groups["instant"].Value, "yyyy-MM-ddTHH:mm:ss.fff", CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("actors")]
    [InlineData("reference")]
    public async Task A_run_failing_midway_should_report_the_whole_runs_records(string engine)
    {
        using var dir = new TempDirectory();
        var dest = dir.Sub("out");
        // Days 1 and 2 are written; day 3's folder is a file, so the run fails on its first chunk of day 3.
        var blocker = BlockDayOnceLockedAsync(dest, "2026-01-03");

        var (code, _, error) = await ActorsimCommand.RunAsync(
            [.. From2026, "--duration", "4 days", "--format", "jsonl", "--partition-by-date", "--engine", engine, "--dest", dest]);
        await blocker;

        Assert.Equal(1, code);
        var totals = Totals().Match(error);
        Assert.True(totals.Success, error);
        long Figure(string name) => long.Parse(totals.Groups[name].Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
        var onDisk = Directory.GetFiles(dest, "*.jsonl", SearchOption.AllDirectories).Sum(f => (long)File.ReadLines(f).Count());
        Assert.InRange(onDisk, 150_000, long.MaxValue);
        Assert.Equal(onDisk, Figure("written"));
        Assert.Equal(Figure("published"), Figure("written") + Figure("dropped") + Figure("lost"));
        Assert.True(Figure("lost") > 0, error);
    }

    [Fact]
    public async Task A_stalled_store_should_name_the_stall_timeout_flag_and_fail_within_it()
    {
        // A server that takes connections and never answers: every store hangs.
        var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        try
        {
            var environment = new System.Collections.Hashtable
            {
                ["USE_S3"] = "true",
                ["S3_ENDPOINT"] = $"127.0.0.1:{((IPEndPoint)silent.LocalEndpoint).Port}",
            };
            var watch = Stopwatch.StartNew();

            var (code, _, error) = await ActorsimCommand.RunAsync(environment, [.. From2026, "--duration", "1 hour", "--stall-timeout", "1 s"]);

            // The destination's lock is the first request: the run fails before it starts, within the stall timeout.
            Assert.Equal(1, code);
            Assert.Contains("did not answer within the stall timeout of 1 s", error, StringComparison.Ordinal);
            Assert.Contains("--stall-timeout", error, StringComparison.Ordinal);
            Assert.DoesNotContain("raise StallTimeout", error, StringComparison.Ordinal);
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(25), $"took {watch.Elapsed}, as long as the default 30 s stall timeout");
        }
        finally
        {
            silent.Stop();
        }
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-5 s")]
    [InlineData("soon")]
    [InlineData("30 days")]
    public async Task A_stall_timeout_that_is_not_a_positive_duration_should_be_refused_naming_the_flag(string value)
    {
        var (code, _, error) = await ActorsimCommand.RunAsync([.. From2026, "--stall-timeout", value]);

        Assert.Equal(2, code);
        Assert.StartsWith($"actorsim: --stall-timeout '{value}'", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_zero_flush_interval_should_cut_chunks_by_size_only_as_in_yaml()
    {
        using var dir = new TempDirectory();

        var (code, output, error) = await ActorsimCommand.RunAsync(
            [.. From2026, "--duration", "2 days", "--flush-interval", "0", "--batch-size", "50000", "--format", "jsonl", "--dest", dir.Path]);

        Assert.True(code == 0, error);
        Assert.Contains("written", output, StringComparison.Ordinal);
        var sizes = Directory.GetFiles(dir.Path, "*.jsonl").Order(StringComparer.Ordinal).Select(f => File.ReadLines(f).Count()).ToArray();
        // A day's flush interval would cut a chunk at the day's end; by size only, every chunk but the last is full.
        Assert.True(sizes.Length > 2, string.Join(", ", sizes));
        Assert.All(sizes[..^1], n => Assert.Equal(50_000, n));
    }

    [Fact]
    public async Task A_negative_flush_interval_should_still_be_refused()
    {
        var (code, _, error) = await ActorsimCommand.RunAsync([.. From2026, "--flush-interval", "-1"]);

        Assert.Equal(2, code);
        Assert.Contains("--flush-interval '-1'", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("s3://")]
    [InlineData("s3:///prefix")]
    public async Task A_destination_without_a_bucket_should_be_refused_without_a_csharp_parameter_name(string dest)
    {
        var (code, _, error) = await ActorsimCommand.RunAsync([.. From2026, "--dest", dest]);

        Assert.Equal(2, code);
        Assert.Contains("names no bucket", error, StringComparison.Ordinal);
        Assert.DoesNotContain("(Parameter", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_tab_in_a_blueprints_indentation_should_be_reported_at_its_line()
    {
        using var dir = new TempDirectory();
        var model = dir.Sub("tab.yaml");
        await File.WriteAllTextAsync(model, "simulation:\n  sim_id: Line_A\n  seed: 42\nresources:\n\tlathe: {current_cap: 4, max_cap: 10}\n");

        var (code, _, error) = await ActorsimCommand.RunAsync([.. From2026, "--model", model, "--dest", dir.Sub("out")]);

        Assert.Equal(2, code);
        Assert.StartsWith($"actorsim: {model}:5:1: ", error, StringComparison.Ordinal);
        Assert.Contains("tab", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"lines\":\n  Solo: {arrivals: {a: {dist: exponential, rate: 1}}, services: {s: {dist: constant, value: 1}}, resources: {r: {current_cap: 1}}, tasks: {t: {arrival: a, steps: [{resource: r, service: s}]}}}\n")]
    [InlineData("'lines':\n  Solo: {arrivals: {a: {dist: exponential, rate: 1}}, services: {s: {dist: constant, value: 1}}, resources: {r: {current_cap: 1}}, tasks: {t: {arrival: a, steps: [{resource: r, service: s}]}}}\n")]
    [InlineData("{lines: {Solo: {arrivals: {a: {dist: exponential, rate: 1}}, services: {s: {dist: constant, value: 1}}, resources: {r: {current_cap: 1}}, tasks: {t: {arrival: a, steps: [{resource: r, service: s}]}}}}}\n")]
    [InlineData("# a plant of one line\n\n---\nlines:   # the only line\n  Solo: {arrivals: {a: {dist: exponential, rate: 1}}, services: {s: {dist: constant, value: 1}}, resources: {r: {current_cap: 1}}, tasks: {t: {arrival: a, steps: [{resource: r, service: s}]}}}\n")]
    public async Task A_plant_blueprint_should_be_recognised_however_its_lines_key_is_written(string yaml)
    {
        using var dir = new TempDirectory();
        var model = dir.Sub("plant.yaml");
        await File.WriteAllTextAsync(model, yaml);

        var (code, output, error) = await ActorsimCommand.RunAsync([.. From2026, "--model", model, "--duration", "1 hour", "--format", "jsonl", "--dest", dir.Sub("out")]);

        Assert.True(code == 0, error);
        Assert.Contains("plant of 1 line, ", output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(dir.Sub("out"), "line=Solo", "events_000001.jsonl")));
        Assert.DoesNotContain("BlueprintLoader", error, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"Line 'Line_A' failed at t=(?:(?<d>\d+)d )?(?:(?<h>\d{1,2})h)?(?:(?<m>\d{1,2})m)?(?<s>\d{1,2})\.(?<ms>\d{3})s \((?<instant>2026-01-0\dT\d\d:\d\d:\d\d\.\d{3})\): ")]
    private static partial Regex FailedAt();

    [GeneratedRegex(@"Records over the whole run: (?<published>[\d,]+) published, (?<written>[\d,]+) written, (?<dropped>[\d,]+) dropped by routing, (?<lost>[\d,]+) not written\.")]
    private static partial Regex Totals();

    private static int Count(string text, string part) => Regex.Matches(text, Regex.Escape(part)).Count;

    /// <summary>Runs the built CLI as its own process, as a user does, and returns its exit code, stdout and stderr.</summary>
    /// <summary>
    /// Once the run has written its first chunk (so its destination passed the emptiness check), puts a file where the
    /// run's <c>date=<paramref name="day"/></c> folder must go: its first chunk of that day fails, as on a full disk. The
    /// run needs a few simulated days to get there, far longer than one probe.
    /// </summary>
    private static async Task BlockDayOnceLockedAsync(string dest, string day)
    {
        await Probe.UntilAsync(() => Task.FromResult(FirstChunkWritten(dest)), TimeSpan.FromSeconds(60), () => "the run never wrote its first chunk");
        await File.WriteAllTextAsync(Path.Combine(dest, "date=" + day), "in the way");
    }

    private static bool FirstChunkWritten(string dest) =>
        Directory.Exists(Path.Combine(dest, "date=2026-01-01")) && Directory.EnumerateFiles(Path.Combine(dest, "date=2026-01-01"), "events_*").Any();

    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunProcessAsync(string[] args)
    {
        using var process = CliProcess.Start(args);
        await process.WaitForExitAsync(TimeSpan.FromMinutes(2));
        return (process.ExitCode, process.Output, process.Error);
    }
}
