using System.Text.Json.Nodes;
using ActorSim.Cli.Tests.Support;
using ActorSim.Egress.Tests.Support;

namespace ActorSim.Cli.Tests;

/// <summary>
/// Backfill, then live (<c>simulation.go_live_at</c>, <c>--go-live-at</c>): a paced run goes unpaced until the go-live
/// instant and follows the wall clock after it, writing the records of an unpaced run plus the lag metric from that
/// instant on.
/// </summary>
public class HistoryGoLiveTests
{
    // factor 0.001: a simulated second takes a wall millisecond once live, so the last two minutes take 0.12 s.
    private const string Blueprint = """
        simulation: {sim_id: Line_A, seed: 42, start: "2026-01-01T00:00:00", duration: 1 hour, factor: FACTOR}
        arrivals:   {standard: {dist: exponential, rate: 2.0}}
        services:   {milling: {dist: normal, mean: 2.0, std: 0.2}}
        resources:  {lathe: {current_cap: 4, max_cap: 10}}
        tasks:      {part: {arrival: standard, steps: [{resource: lathe, service: milling}]}}
        telemetry:  {interval: 60 s}
        egress:     [{format: jsonl, dest: out, path: events.jsonl}]
        """;

    [Theory]
    [InlineData("reference", "--go-live-at", "58 mins")]
    [InlineData("actors", "--go-live-at", "2026-01-01T00:58:00")]
    [InlineData("reference", "blueprint", "2026-01-01T00:58:00")]
    public async Task A_run_that_goes_live_writes_the_unpaced_records_and_the_lag_from_the_go_live_instant(string engine, string how, string at)
    {
        using var folder = new TempDirectory();
        var paced = Path.Combine(folder.Path, "paced.yaml");
        var unpaced = Path.Combine(folder.Path, "unpaced.yaml");
        var pacedText = Blueprint.Replace("FACTOR", "0.001", StringComparison.Ordinal);
        await File.WriteAllTextAsync(paced, how == "blueprint" ? pacedText.Replace("factor: 0.001}", $"factor: 0.001, go_live_at: \"{at}\"}}", StringComparison.Ordinal) : pacedText);
        await File.WriteAllTextAsync(unpaced, Blueprint.Replace("FACTOR", "0", StringComparison.Ordinal));
        string[] goLive = how == "blueprint" ? [] : [how, at];

        var live = await ActorsimCommand.RunAsync(["history", "--model", paced, "--engine", engine, "--dest", folder.Sub("live"), "--progress", "none", .. goLive]);
        var fast = await ActorsimCommand.RunAsync(["history", "--model", unpaced, "--engine", engine, "--dest", folder.Sub("fast"), "--progress", "none"]);

        Assert.True(live.ExitCode == 0, live.Error);
        Assert.True(fast.ExitCode == 0, fast.Error);
        var liveRecords = Records(folder.Sub("live"));
        var lag = liveRecords.Where(r => r.Contains("system.simulation.lag_seconds", StringComparison.Ordinal)).Select(SimTs).ToArray();
        Assert.Equal(120, lag.Length);
        Assert.Equal(3480, lag[0]);
        Assert.Equal(3599, lag[^1]);
        Assert.Equal(Records(folder.Sub("fast")), liveRecords.Where(r => !r.Contains("system.simulation.lag_seconds", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Go_live_without_a_factor_is_refused()
    {
        using var folder = new TempDirectory();

        var (code, _, error) = await ActorsimCommand.RunAsync(["history", "--duration", "1 hour", "--go-live-at", "30 mins", "--dest", folder.Sub("out"), "--progress", "none"]);

        Assert.Equal(2, code);
        Assert.Contains("needs a factor above 0", error);
    }

    private static string[] Records(string destination) =>
        Directory.GetFiles(destination, "events_*.jsonl").Order(StringComparer.Ordinal).SelectMany(File.ReadAllLines).ToArray();

    private static double SimTs(string line) => JsonNode.Parse(line)!["sim_ts"]!.GetValue<double>();
}
