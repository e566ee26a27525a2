using System.Text.Json;
using System.Text.Json.Nodes;
using ActorSim.Cli.Tests.Support;
using ActorSim.Egress.Tests.Support;

namespace ActorSim.Cli.Tests;

/// <summary>
/// <c>--snapshot-at</c>/<c>--snapshot-out</c> and <c>--snapshot</c>: a run continued from its own exact snapshot writes,
/// record for record and byte for byte, what the uninterrupted run wrote from that instant on; a snapshot that does not
/// fit is refused before anything runs, naming its JSON path.
/// </summary>
public class HistorySnapshotTests
{
    /// <summary>Hand-offs, two priorities, a scenario (a shrink, a stop and a restart of arrivals) and telemetry kept.</summary>
    private const string Blueprint = """
        simulation: {sim_id: Line_H, seed: 7, start: "2026-03-01T06:00:00"}
        arrivals:   {standard: {dist: exponential, rate: 0.9}, rush: {dist: exponential, rate: 0.1}}
        services:   {cutting: {dist: uniform, min: 1.0, max: 2.0}, pressing: {dist: normal, mean: 2.2, std: 0.3}, checking: {dist: constant, value: 0.5}}
        resources:  {cutter: {current_cap: 2, max_cap: 4}, press: {current_cap: 2, max_cap: 4}, checker: {current_cap: 1, max_cap: 1}}
        tasks:
          part: {arrival: standard, steps: [{resource: cutter, service: cutting}, {resource: press, service: pressing, hand_off: true}, {resource: checker, service: checking}]}
          rush: {arrival: rush, key_prefix: rush-, steps: [{resource: press, service: pressing, priority: 0}]}
        telemetry:  {interval: 60 s}
        scenario:
          - {at: 20 mins, path: Line_H.arrival.rush.rate, value: 0.0}
          - {at: 30 mins, path: Line_H.resources.press.current_cap, value: 1}
          - {at: 40 mins, path: Line_H.resources.press.current_cap, value: 2}
          - {at: 40 mins, path: Line_H.arrival.rush.rate, value: 0.2}
        """;

    [Theory]
    [InlineData("built-in", "1 hour", "2 hours")]
    [InlineData("hand-off", "30 mins", "40 mins")]
    [InlineData("hand-off", "1799.5", "30 mins")]
    [InlineData("hand-off", "2026-03-01T06:40:00", "20 mins")]
    public async Task A_run_continued_from_its_snapshot_writes_the_records_of_the_uninterrupted_run(string model, string at, string further)
    {
        using var folder = new TempDirectory();
        var blueprint = model == "built-in" ? null : WriteBlueprint(folder);
        var start = model == "built-in" ? "2026-01-01T00:00:00" : "2026-03-01T06:00:00";
        var snapshot = Path.Combine(folder.Path, "snapshots", "at.json");
        string[] common = ["history", "--engine", "reference", "--format", "jsonl", "--keep-telemetry", "--progress", "none", .. Model(blueprint)];

        var first = await ActorsimCommand.RunAsync([.. common, "--start", start, "--duration", "3 hours", "--snapshot-at", at, "--snapshot-out", snapshot, "--dest", folder.Sub("first")]);
        Assert.True(first.ExitCode == 0, first.Error);
        Assert.Contains($"written to {snapshot}", first.Output);
        var asOf = JsonNode.Parse(await File.ReadAllTextAsync(snapshot))!["as_of"]!.GetValue<double>();
        var whole = await ActorsimCommand.RunAsync([.. common, "--start", start, "--dest", folder.Sub("whole"), "--duration", Seconds(asOf, further)]);
        var rest = await ActorsimCommand.RunAsync([.. common, "--snapshot", snapshot, "--duration", further, "--dest", folder.Sub("rest")]);

        Assert.True(whole.ExitCode == 0, whole.Error);
        Assert.True(rest.ExitCode == 0, rest.Error);
        foreach (var file in new[] { "events", "telemetry" })
        {
            var expected = Records(folder.Sub("whole"), file).Where(line => SimTs(line) >= asOf).ToArray();
            var actual = Records(folder.Sub("rest"), file);
            Assert.True(expected.Length > 20, $"only {expected.Length} {file} records after the snapshot");
            Assert.Equal(expected.Length, actual.Length);
            for (var i = 0; i < expected.Length; i++)
            {
                Assert.True(expected[i] == actual[i], $"{file} record {i}: expected {expected[i]}, got {actual[i]}");
            }
        }
    }

    [Theory]
    [InlineData("two-stage-plant.yaml", "reference", "windowed")]
    [InlineData("rework-loop.yaml", "windowed", "reference")]
    [InlineData("two-stage-plant.yaml", "actors", "actors")]
    [InlineData("rework-loop.yaml", "actors", "windowed")]
    public async Task A_plant_continued_from_its_snapshot_writes_every_lines_records_of_the_uninterrupted_run(string example, string firstEngine, string restEngine)
    {
        using var folder = new TempDirectory();
        var model = Path.Combine(Repository.Root, "examples", example);
        var snapshot = Path.Combine(folder.Path, "plant.json");
        string[] common = ["history", "--model", model, "--format", "jsonl", "--keep-telemetry", "--progress", "none"];

        var first = await ActorsimCommand.RunAsync([.. common, "--engine", firstEngine, "--start", "2026-01-01T00:00:00", "--duration", "1 hour", "--snapshot-at", "1 hour", "--snapshot-out", snapshot, "--dest", folder.Sub("first")]);
        var whole = await ActorsimCommand.RunAsync([.. common, "--engine", "reference", "--start", "2026-01-01T00:00:00", "--duration", "2 hours", "--dest", folder.Sub("whole")]);
        var rest = await ActorsimCommand.RunAsync([.. common, "--engine", restEngine, "--snapshot", snapshot, "--duration", "1 hour", "--dest", folder.Sub("rest")]);

        Assert.True(first.ExitCode == 0, first.Error);
        Assert.True(whole.ExitCode == 0, whole.Error);
        Assert.True(rest.ExitCode == 0, rest.Error);
        var lines = Directory.GetDirectories(folder.Sub("whole"), "line=*").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray();
        Assert.True(lines.Length >= 3, $"{lines.Length} line folders");
        foreach (var line in lines)
        {
            var expected = Records(Path.Combine(folder.Sub("whole"), line!), "events").Where(r => SimTs(r) >= 3600).ToArray();
            Assert.NotEmpty(expected);
            Assert.Equal(expected, Records(Path.Combine(folder.Sub("rest"), line!), "events"));
        }
    }

    [Fact]
    public async Task The_actors_engine_takes_the_snapshot_the_reference_engine_takes_and_continues_from_it()
    {
        using var folder = new TempDirectory();
        string[] common = ["history", "--format", "jsonl", "--progress", "none", "--start", "2026-01-01T00:00:00", "--duration", "90 mins", "--snapshot-at", "40 mins"];

        var reference = await ActorsimCommand.RunAsync([.. common, "--engine", "reference", "--snapshot-out", folder.Sub("reference.json"), "--dest", folder.Sub("a")]);
        var actors = await ActorsimCommand.RunAsync([.. common, "--engine", "actors", "--snapshot-out", folder.Sub("actors.json"), "--dest", folder.Sub("b")]);
        var rest = await ActorsimCommand.RunAsync(["history", "--format", "jsonl", "--progress", "none", "--snapshot", folder.Sub("actors.json"), "--duration", "50 mins", "--dest", folder.Sub("c")]);

        Assert.True(reference.ExitCode == 0, reference.Error);
        Assert.True(actors.ExitCode == 0, actors.Error);
        Assert.True(rest.ExitCode == 0, rest.Error);
        Assert.Equal(await File.ReadAllTextAsync(folder.Sub("reference.json")), await File.ReadAllTextAsync(folder.Sub("actors.json")));
        Assert.Equal(Records(folder.Sub("a"), "events").Where(r => SimTs(r) >= 2400), Records(folder.Sub("c"), "events"));
    }

    [Fact]
    public async Task Snapshot_every_writes_a_checkpoint_per_interval_the_same_on_every_engine()
    {
        using var folder = new TempDirectory();
        var model = Path.Combine(Repository.Root, "examples", "rework-loop.yaml");
        string[] common = ["history", "--model", model, "--format", "jsonl", "--progress", "none", "--start", "2026-01-01T00:00:00", "--duration", "2.5 hours", "--snapshot-every", "1 hour"];

        var reference = await ActorsimCommand.RunAsync([.. common, "--engine", "reference", "--snapshot-out", folder.Sub("ref"), "--dest", folder.Sub("a")]);
        var actors = await ActorsimCommand.RunAsync([.. common, "--engine", "actors", "--snapshot-out", folder.Sub("act"), "--dest", folder.Sub("b")]);
        var windowed = await ActorsimCommand.RunAsync([.. common, "--engine", "windowed", "--snapshot-out", folder.Sub("win"), "--dest", folder.Sub("c")]);

        Assert.True(reference.ExitCode == 0, reference.Error);
        Assert.True(actors.ExitCode == 0, actors.Error);
        Assert.True(windowed.ExitCode == 0, windowed.Error);
        string[] names = ["snapshot_2026-01-01T010000.000.json", "snapshot_2026-01-01T020000.000.json"];
        Assert.Equal(names, Directory.GetFiles(folder.Sub("ref")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        foreach (var name in names)
        {
            var expected = await File.ReadAllTextAsync(Path.Combine(folder.Sub("ref"), name));
            Assert.Equal(expected, await File.ReadAllTextAsync(Path.Combine(folder.Sub("act"), name)));
            Assert.Equal(expected, await File.ReadAllTextAsync(Path.Combine(folder.Sub("win"), name)));
        }

        Assert.Equal(2, reference.Output.Split("snapshot at t=").Length - 1);
    }

    [Fact]
    public async Task A_snapshot_of_another_model_is_refused_naming_the_fingerprint()
    {
        using var folder = new TempDirectory();
        var snapshot = Path.Combine(folder.Path, "at.json");
        var taken = await ActorsimCommand.RunAsync(
            ["history", "--engine", "reference", "--duration", "10 mins", "--snapshot-at", "10 mins", "--snapshot-out", snapshot, "--dest", folder.Sub("a"), "--progress", "none"]);
        Assert.True(taken.ExitCode == 0, taken.Error);

        var (code, _, error) = await ActorsimCommand.RunAsync(
            ["history", "--engine", "reference", "--model", WriteBlueprint(folder), "--snapshot", snapshot, "--duration", "10 mins", "--dest", folder.Sub("b"), "--progress", "none"]);

        Assert.Equal(2, code);
        Assert.Contains("model.fingerprint", error);
        Assert.Contains("'Line_A'", error);
        Assert.False(Directory.Exists(folder.Sub("b")) && Directory.EnumerateFiles(folder.Sub("b")).Any(), "nothing is written");
    }

    [Theory]
    [InlineData("since", "after as_of")]
    [InlineData("step", "outside task 'part'")]
    [InlineData("task", "has no task 'welding'")]
    [InlineData("unknown", "could not be mapped")]
    public async Task A_snapshot_that_does_not_fit_the_model_is_refused_naming_its_json_path(string broken, string rule)
    {
        using var folder = new TempDirectory();
        var snapshot = Path.Combine(folder.Path, "at.json");
        var taken = await ActorsimCommand.RunAsync(
            ["history", "--engine", "reference", "--duration", "10 mins", "--snapshot-at", "10 mins", "--snapshot-out", snapshot, "--dest", folder.Sub("a"), "--progress", "none"]);
        Assert.True(taken.ExitCode == 0, taken.Error);
        var document = JsonNode.Parse(await File.ReadAllTextAsync(snapshot))!;
        var task = document["lines"]![0]!["tasks"]![0]!;
        switch (broken)
        {
            case "since": task["since"] = 99_999.0; break;
            case "step": task["step"] = 3; break;
            case "task": task["task"] = "welding"; break;
            default: task["colour"] = "red"; break;
        }

        await File.WriteAllTextAsync(snapshot, document.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));

        var (code, _, error) = await ActorsimCommand.RunAsync(
            ["history", "--engine", "reference", "--snapshot", snapshot, "--duration", "10 mins", "--dest", folder.Sub("b"), "--progress", "none"]);

        Assert.Equal(2, code);
        Assert.Contains(broken == "unknown" ? "lines[0].tasks[0]" : $"lines[0].tasks[0].{broken}", error);
        Assert.Contains(rule, error);
    }

    [Theory]
    [InlineData(new[] { "--snapshot-at", "1 hour" }, "--snapshot-out")]
    [InlineData(new[] { "--snapshot-out", "x.json" }, "--snapshot-at or --snapshot-every")]
    [InlineData(new[] { "--snapshot-at", "1 hour", "--snapshot-every", "10 mins", "--snapshot-out", "x" }, "exclude each other")]
    [InlineData(new[] { "--snapshot-at", "yesterday-ish", "--snapshot-out", "x.json" }, "--snapshot-at 'yesterday-ish'")]
    [InlineData(new[] { "--snapshot-at", "3 hours", "--snapshot-out", "x.json" }, "not after its end")]
    public async Task Snapshot_flags_that_cannot_work_are_refused_before_the_run(string[] flags, string message)
    {
        using var folder = new TempDirectory();

        var (code, _, error) = await ActorsimCommand.RunAsync(["history", "--duration", "2 hours", "--dest", folder.Sub("out"), "--progress", "none", .. flags]);

        Assert.Equal(2, code);
        Assert.Contains(message, error);
    }

    private static string WriteBlueprint(TempDirectory folder)
    {
        var path = Path.Combine(folder.Path, "line-h.yaml");
        File.WriteAllText(path, Blueprint);
        return path;
    }

    private static string[] Model(string? blueprint) => blueprint is null ? [] : ["--model", blueprint];

    private static string Seconds(double asOf, string further) => FormattableString.Invariant($"{asOf + further switch
    {
        "2 hours" => 7200,
        "40 mins" => 2400,
        "30 mins" => 1800,
        "20 mins" => 1200,
        _ => throw new ArgumentOutOfRangeException(nameof(further)),
    }:R} s");

    private static string[] Records(string destination, string file) =>
        Directory.GetFiles(destination, file + "_*.jsonl").Order(StringComparer.Ordinal).SelectMany(File.ReadAllLines).ToArray();

    private static double SimTs(string line) => JsonNode.Parse(line)!["sim_ts"]!.GetValue<double>();
}
