using System.Text.Json.Nodes;
using ActorSim.Cli.Tests.Support;
using ActorSim.Egress.Tests.Support;

namespace ActorSim.Cli.Tests;

/// <summary><c>actorsim forecast</c>: replications from a snapshot, the same summary.json on any number of workers, and its refusals.</summary>
public class ForecastCommandTests
{
    [Fact]
    public async Task A_forecast_from_a_snapshot_writes_the_same_summary_on_one_and_two_workers()
    {
        using var folder = new TempDirectory();
        var run = await ActorsimCommand.RunAsync(
            ["history", "--engine", "reference", "--start", "2026-01-01T00:00:00", "--duration", "2 hours", "--dest", folder.Sub("log"), "--progress", "none",
             "--snapshot-at", "2 hours", "--snapshot-out", folder.Sub("snap.json")]);
        Assert.True(run.ExitCode == 0, run.Error);
        string[] common = ["forecast", "--snapshot", folder.Sub("snap.json"), "--horizon", "30 mins", "--replications", "12", "--seed", "7"];

        var one = await ActorsimCommand.RunAsync([.. common, "--parallelism", "1", "--out", folder.Sub("one")]);
        var two = await ActorsimCommand.RunAsync([.. common, "--parallelism", "2", "--out", folder.Sub("two")]);

        Assert.True(one.ExitCode == 0, one.Error);
        Assert.True(two.ExitCode == 0, two.Error);
        var summary = await File.ReadAllTextAsync(Path.Combine(folder.Sub("one"), "summary.json"));
        Assert.Equal(summary, await File.ReadAllTextAsync(Path.Combine(folder.Sub("two"), "summary.json")));
        var kpis = JsonNode.Parse(summary)!["kpis"]!;
        Assert.Equal(12, kpis["throughput"]!["n"]!.GetValue<int>());
        var ci = kpis["wait_mean"]!["ci95"]!.AsArray().Select(v => v!.GetValue<double>()).ToArray();
        Assert.True(ci[0] < kpis["wait_mean"]!["mean"]!.GetValue<double>() && kpis["wait_mean"]!["mean"]!.GetValue<double>() < ci[1]);
        Assert.Equal(7200, JsonNode.Parse(summary)!["snapshot"]!["as_of"]!.GetValue<double>());
        Assert.Contains("throughput", one.Output);
        Assert.Contains("95 % interval", one.Output);
        var png = await File.ReadAllBytesAsync(Path.Combine(folder.Sub("one"), "forecast.png"));
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
        var svg = await File.ReadAllTextAsync(Path.Combine(folder.Sub("one"), "forecast.svg"));
        Assert.Contains("<svg", svg);
        Assert.Contains("queue length", svg);
    }

    [Fact]
    public async Task An_alert_gives_a_verdict_naming_the_bottleneck()
    {
        using var folder = new TempDirectory();

        var (code, output, error) = await ActorsimCommand.RunAsync(
            ["forecast", "--horizon", "2 hours", "--replications", "10", "--alert", "Line_A.lathe.queue>20", "--out", folder.Sub("fc")]);

        Assert.True(code == 0, error);
        // Line_A's lathes are all busy from the start (utilization 100 %): the queue passes 20 in every replication.
        Assert.Contains("Line_A.lathe: queue > 20 in 100% of replications [72%, 100%], first at +", output);
        Assert.Contains("verdict: Line_A.lathe is the bottleneck", output);
        var verdict = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(folder.Sub("fc"), "summary.json")))!["verdict"]![0]!;
        Assert.Equal(10, verdict["fired"]!.GetValue<int>());
        Assert.True(verdict["bottleneck"]!.GetValue<bool>());
    }

    [Fact]
    public async Task A_what_if_reports_paired_differences_against_the_baseline()
    {
        using var folder = new TempDirectory();

        var (code, output, error) = await ActorsimCommand.RunAsync(
            ["forecast", "--horizon", "1 hour", "--replications", "10", "--what-if", "Line_A.resources.lathe.current_cap=6@10m", "--out", folder.Sub("fc")]);

        Assert.True(code == 0, error);
        Assert.Contains("what-if 'what-if' (Line_A.resources.lathe.current_cap=6@10m00.000s) against the baseline, paired on the same replications:", output);
        var summary = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(folder.Sub("fc"), "summary.json")))!;
        var scenario = summary["scenarios"]![0]!;
        Assert.Equal("what-if", scenario["name"]!.GetValue<string>());
        var wait = scenario["differences"]!["wait_mean"]!;
        Assert.True(wait["ci95"]![1]!.GetValue<double>() < 0, "two more lathes must cut the wait");
        Assert.Equal(summary["kpis"]!["throughput"]!["n"]!.GetValue<int>(), scenario["kpis"]!["throughput"]!["n"]!.GetValue<int>());

        // replications.parquet, read by DuckDB: a row per replication and scenario, the KPIs as columns.
        var parquet = Path.Combine(folder.Sub("fc"), "replications.parquet");
        var rows = DuckDb.Query($"SELECT scenario, count(*), min(replication), max(replication), avg(throughput), count(wait_mean) FROM read_parquet('{parquet}') GROUP BY scenario ORDER BY scenario");
        Assert.Equal(2, rows.Count);
        Assert.Equal(("baseline", 10L, 0L, 9L), ((string)rows[0][0]!, Convert.ToInt64(rows[0][1]), Convert.ToInt64(rows[0][2]), Convert.ToInt64(rows[0][3])));
        Assert.Equal("what-if", (string)rows[1][0]!);
        Assert.Equal(summary["kpis"]!["throughput"]!["mean"]!.GetValue<double>(), Convert.ToDouble(rows[0][4]), 6);
        Assert.Equal(scenario["kpis"]!["throughput"]!["mean"]!.GetValue<double>(), Convert.ToDouble(rows[1][4]), 6);

        // bands.parquet: Line_A's three series (wip, lathe queue, lathe in use) at 97 sampling times (horizon / 96, and the end).
        var bands = DuckDb.Query($"SELECT count(*), count(DISTINCT series), max(t_seconds), min(p5 <= p50 AND p50 <= p95) FROM read_parquet('{Path.Combine(folder.Sub("fc"), "bands.parquet")}')");
        Assert.Equal((3L * 97, 3L, 3600.0, true), (Convert.ToInt64(bands[0][0]), Convert.ToInt64(bands[0][1]), Convert.ToDouble(bands[0][2]), (bool)bands[0][3]!));
    }

    [Fact]
    public async Task Named_scenarios_from_a_file_are_each_compared_with_the_baseline()
    {
        using var folder = new TempDirectory();
        var file = Path.Combine(folder.Path, "scenarios.yaml");
        await File.WriteAllTextAsync(file, """
            scenarios:
              two-more-lathes: ["Line_A.resources.lathe.current_cap=6@10m"]
              slower-arrivals: ["Line_A.arrival.standard.rate=1.5", "Line_A.service.milling.mean=1.9@20m"]
            """);

        var (code, output, error) = await ActorsimCommand.RunAsync(
            ["forecast", "--horizon", "1 hour", "--replications", "6", "--scenarios", file, "--out", folder.Sub("fc")]);

        Assert.True(code == 0, error);
        Assert.Contains("what-if 'two-more-lathes'", output);
        Assert.Contains("what-if 'slower-arrivals' (Line_A.arrival.standard.rate=1.5, Line_A.service.milling.mean=1.9@20m00.000s)", output);
        var summary = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(folder.Sub("fc"), "summary.json")))!;
        Assert.Equal(["two-more-lathes", "slower-arrivals"], summary["scenarios"]!.AsArray().Select(s => s!["name"]!.GetValue<string>()));
        var throughput = summary["scenarios"]![1]!["differences"]!["throughput"]!["ci95"]!.AsArray();
        Assert.True(throughput[1]!.GetValue<double>() < 0, "fewer arrivals must finish fewer tasks");
        var scenarios = DuckDb.Query($"SELECT count(DISTINCT scenario), count(*) FROM read_parquet('{Path.Combine(folder.Sub("fc"), "replications.parquet")}')");
        Assert.Equal((3L, 18L), (Convert.ToInt64(scenarios[0][0]), Convert.ToInt64(scenarios[0][1])));
    }

    [Theory]
    [InlineData("scenarios:\n  fast: [\"lathes\"]\n", "scenarios.yaml:2: scenario 'fast': 'lathes' is not a change")]
    [InlineData("scenarios:\n  fast: [\"Line_A.resources.lathe=6\"]\n", "--scenarios: scenario 'fast': The change Line_A.resources.lathe=6")]
    [InlineData("scenarios:\n  baseline: [\"Line_A.arrival.standard.rate=1\"]\n", "a name other than 'baseline'")]
    [InlineData("plans: {}\n", "expected 'scenarios:'")]
    public async Task A_scenario_file_that_cannot_be_used_is_refused_naming_its_line(string text, string message)
    {
        using var folder = new TempDirectory();
        var file = Path.Combine(folder.Path, "scenarios.yaml");
        await File.WriteAllTextAsync(file, text);

        var (code, _, error) = await ActorsimCommand.RunAsync(["forecast", "--horizon", "10 mins", "--replications", "2", "--scenarios", file, "--out", folder.Sub("fc")]);

        Assert.Equal(2, code);
        Assert.Contains(message, error);
    }

    [Fact]
    public async Task Target_precision_adds_batches_until_the_kpis_are_precise_and_says_which_decided()
    {
        using var folder = new TempDirectory();

        var (code, output, error) = await ActorsimCommand.RunAsync(
            ["forecast", "--horizon", "30 mins", "--replications", "4", "--target-precision", "10%", "--target-kpi", "throughput,wait_mean", "--out", folder.Sub("fc")]);

        Assert.True(code == 0, error);
        Assert.Contains("replications in batches of 4 until ±10% on throughput, wait_mean", output);
        Assert.Matches(@"target ±10% on throughput, wait_mean met after \d+ replications; (throughput|wait_mean) decided, at ±\d", output);
        var summary = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(folder.Sub("fc"), "summary.json")))!;
        var replications = summary["replications"]!.GetValue<int>();
        Assert.Equal(0, replications % 4);
        var wait = summary["kpis"]!["wait_mean"]!;
        Assert.True(wait["half_width"]!.GetValue<double>() <= 0.10 * Math.Abs(wait["mean"]!.GetValue<double>()));
    }

    [Fact]
    public async Task A_folder_that_holds_a_forecast_is_refused_unless_overwrite()
    {
        using var folder = new TempDirectory();
        string[] args = ["forecast", "--horizon", "10 mins", "--replications", "2", "--out", folder.Sub("fc")];
        var first = await ActorsimCommand.RunAsync(args);
        Assert.True(first.ExitCode == 0, first.Error);

        var again = await ActorsimCommand.RunAsync(args);
        var overwritten = await ActorsimCommand.RunAsync([.. args, "--overwrite"]);

        Assert.Equal(2, again.ExitCode);
        Assert.Contains("holds a forecast", again.Error);
        Assert.True(overwritten.ExitCode == 0, overwritten.Error);
    }

    [Theory]
    [InlineData(new[] { "forecast", "--replications", "0" }, "--replications '0' must be a whole number, at least 1")]
    [InlineData(new[] { "forecast", "--horizon", "soon" }, "--horizon 'soon' is not a duration")]
    [InlineData(new[] { "forecast", "--snapshot", "/nowhere/snap.json" }, "cannot be read")]
    [InlineData(new[] { "forecast", "--alert", "Line_A.lathe>20" }, "write <line>.<resource>.queue>N")]
    [InlineData(new[] { "forecast", "--alert", "Line_A.drill.queue>20" }, "'drill'")]
    [InlineData(new[] { "forecast", "--what-if", "lathes=6" }, "names no line")]
    [InlineData(new[] { "forecast", "--target-precision", "five" }, "--target-precision 'five'")]
    [InlineData(new[] { "forecast", "--target-precision", "5%", "--target-kpi", "latency" }, "'latency'")]
    [InlineData(new[] { "forecast", "--what-if", "Line_A.resources.lathe.current_cap" }, "write <registry path>=<value>")]
    [InlineData(new[] { "forecast", "--progress", "sometimes" }, "--progress 'sometimes' is not known")]
    public async Task Bad_forecasts_are_refused_with_exit_2(string[] args, string message)
    {
        var (code, _, error) = await ActorsimCommand.RunAsync(args);

        Assert.Equal(2, code);
        Assert.Contains(message, error);
    }

    [Fact]
    public void Progress_tells_the_replications_done_the_rate_and_the_time_left()
    {
        Assert.Equal(
            "progress  25.0%  250 of 1,000 replications  50 replications/s  ETA 15.0 s",
            ActorSim.Cli.Forecast.ForecastProgress.Line(250, 1000, TimeSpan.FromSeconds(5)));
        // Sequential stopping: the count is not known in advance.
        Assert.Equal("progress 40 replications  20 replications/s", ActorSim.Cli.Forecast.ForecastProgress.Line(40, null, TimeSpan.FromSeconds(2)));
    }
}
