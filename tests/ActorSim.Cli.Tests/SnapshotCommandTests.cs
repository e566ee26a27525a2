using System.Text.Json.Nodes;
using ActorSim.Cli.Tests.Support;
using ActorSim.Egress.Tests.Support;

namespace ActorSim.Cli.Tests;

/// <summary>
/// <c>actorsim snapshot</c>: an observed snapshot rebuilt from a history run's output, a run continued from it, a
/// snapshot file checked against a model, a model's fingerprint, and the refusals, each naming what to change.
/// </summary>
public class SnapshotCommandTests
{
    [Theory]
    [InlineData("parquet")]
    [InlineData("jsonl")]
    public async Task A_snapshot_rebuilt_from_a_history_run_holds_its_work_in_progress_and_a_run_goes_on_from_it(string format)
    {
        using var folder = new TempDirectory();
        var run = await ActorsimCommand.RunAsync(
            ["history", "--engine", "reference", "--start", "2026-01-01T00:00:00", "--duration", "2 hours", "--format", format, "--keep-telemetry", "--dest", folder.Sub("log"), "--progress", "none",
             "--snapshot-at", "1 hour", "--snapshot-out", folder.Sub("exact.json")]);
        Assert.True(run.ExitCode == 0, run.Error);

        var (code, output, error) = await ActorsimCommand.RunAsync(["snapshot", "--events", folder.Sub("log"), "--at", "2026-01-01T01:00:00", "--out", folder.Sub("observed.json")]);

        Assert.True(code == 0, error);
        Assert.Contains("observed snapshot of 'Line_A' at t=1h00m00.000s", output);
        Assert.Contains("listed in", output);
        var observed = JsonNode.Parse(await File.ReadAllTextAsync(folder.Sub("observed.json")))!;
        var exact = JsonNode.Parse(await File.ReadAllTextAsync(folder.Sub("exact.json")))!;
        Assert.Equal("observed", observed["kind"]!.GetValue<string>());
        Assert.Equal(exact["model"]!["fingerprint"]!.GetValue<string>(), observed["model"]!["fingerprint"]!.GetValue<string>());
        Assert.Equal(Keys(exact), Keys(observed));
        Assert.Equal(exact["lines"]![0]!["next_task_number"]!.GetValue<long>(), observed["lines"]![0]!["next_task_number"]!.GetValue<long>());

        var rest = await ActorsimCommand.RunAsync(["history", "--engine", "reference", "--snapshot", folder.Sub("observed.json"), "--duration", "10 mins", "--format", "jsonl", "--dest", folder.Sub("rest"), "--progress", "none"]);

        Assert.True(rest.ExitCode == 0, rest.Error);
        var first = JsonNode.Parse(File.ReadLines(Directory.GetFiles(folder.Sub("rest"), "events_*.jsonl").Order().First()).First())!;
        Assert.True(first["sim_ts"]!.GetValue<double>() >= 3600);
        Assert.StartsWith("2026-01-01T01:00", first["timestamp"]!.GetValue<string>());
    }

    [Fact]
    public async Task Check_says_a_snapshot_file_is_valid_and_names_every_problem_of_a_broken_one()
    {
        using var folder = new TempDirectory();
        var run = await ActorsimCommand.RunAsync(
            ["history", "--engine", "reference", "--duration", "20 mins", "--dest", folder.Sub("log"), "--progress", "none", "--snapshot-at", "20 mins", "--snapshot-out", folder.Sub("s.json")]);
        Assert.True(run.ExitCode == 0, run.Error);

        var valid = await ActorsimCommand.RunAsync(["snapshot", "--check", folder.Sub("s.json")]);
        var document = JsonNode.Parse(await File.ReadAllTextAsync(folder.Sub("s.json")))!;
        document["lines"]![0]!["tasks"]![0]!["step"] = 4;
        document["lines"]![0]!["resources"]![0]!["current_cap"] = 99;
        await File.WriteAllTextAsync(folder.Sub("broken.json"), document.ToJsonString());
        var broken = await ActorsimCommand.RunAsync(["snapshot", "--check", folder.Sub("broken.json")]);

        Assert.True(valid.ExitCode == 0, valid.Error);
        Assert.Contains("a valid exact snapshot of 'Line_A'", valid.Output);
        Assert.Equal(2, broken.ExitCode);
        Assert.Contains("problems:", broken.Error);
        Assert.Contains("lines[0].tasks[0].step: 4 is outside task 'part'", broken.Error);
        Assert.Contains("lines[0].resources[0].current_cap", broken.Error);
    }

    [Fact]
    public async Task Fingerprint_prints_the_models_structure_hash_that_its_snapshots_carry()
    {
        using var folder = new TempDirectory();
        var model = Path.Combine(Repository.Root, "examples", "two-stage-plant.yaml");
        var run = await ActorsimCommand.RunAsync(
            ["history", "--engine", "reference", "--model", model, "--duration", "10 mins", "--dest", folder.Sub("log"), "--progress", "none", "--snapshot-at", "10 mins", "--snapshot-out", folder.Sub("s.json")]);
        Assert.True(run.ExitCode == 0, run.Error);

        var (code, output, _) = await ActorsimCommand.RunAsync(["snapshot", "--model", model, "--fingerprint"]);

        Assert.Equal(0, code);
        var fingerprint = JsonNode.Parse(await File.ReadAllTextAsync(folder.Sub("s.json")))!["model"]!["fingerprint"]!.GetValue<string>();
        Assert.Equal(fingerprint, output.Trim());
    }

    [Theory]
    [InlineData(new[] { "snapshot" }, "Give one of --events")]
    [InlineData(new[] { "snapshot", "--events", "x", "--fingerprint" }, "Give one of --events")]
    [InlineData(new[] { "snapshot", "--events", "x", "--at", "1 hour" }, "--events needs --at")]
    [InlineData(new[] { "snapshot", "--events", "x", "--at", "soonish", "--out", "y.json" }, "--at 'soonish'")]
    [InlineData(new[] { "snapshot", "--model", "/nowhere/plant.yaml", "--fingerprint" }, "'/nowhere/plant.yaml' does not exist")]
    public async Task Bad_command_lines_are_refused_with_exit_2(string[] args, string message)
    {
        var (code, _, error) = await ActorsimCommand.RunAsync(args);

        Assert.Equal(2, code);
        Assert.Contains(message, error);
    }

    [Fact]
    public async Task A_log_of_another_model_is_refused_naming_the_record()
    {
        using var folder = new TempDirectory();
        var run = await ActorsimCommand.RunAsync(["history", "--engine", "reference", "--duration", "10 mins", "--dest", folder.Sub("log"), "--progress", "none"]);
        Assert.True(run.ExitCode == 0, run.Error);

        var (code, _, error) = await ActorsimCommand.RunAsync(
            ["snapshot", "--model", Path.Combine(Repository.Root, "examples", "two-stage-plant.yaml"), "--events", folder.Sub("log"), "--at", "5 mins", "--out", folder.Sub("s.json")]);

        Assert.Equal(2, code);
        Assert.Contains("Line_A.service.milling", error);
        Assert.Contains("does not fit the model", error);
        Assert.False(File.Exists(folder.Sub("s.json")));
    }

    [Fact]
    public async Task A_destination_without_a_log_fails_with_exit_1_saying_what_it_holds()
    {
        using var folder = new TempDirectory();
        Directory.CreateDirectory(folder.Sub("empty"));

        var (code, _, error) = await ActorsimCommand.RunAsync(["snapshot", "--events", folder.Sub("empty"), "--at", "1 hour", "--out", folder.Sub("s.json")]);

        Assert.Equal(1, code);
        Assert.Contains("holds no chunk files", error);
    }

    private static string[] Keys(JsonNode snapshot) =>
        snapshot["lines"]![0]!["tasks"]!.AsArray().Select(t => $"{t!["key"]} {t["state"]}").Order(StringComparer.Ordinal).ToArray();
}
