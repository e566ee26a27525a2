using ActorSim.Cli.Tests.Support;
using ActorSim.Egress.Tests.Support;

namespace ActorSim.Cli.Tests;

public class HistoryPlantTests
{
    [Theory]
    [InlineData("two-stage-plant.yaml", 8)]
    [InlineData("rework-loop.yaml", 3)]
    public async Task Each_example_plant_should_write_the_same_files_with_the_reference_windowed_and_actor_engines(string example, int lines)
    {
        using var reference = new TempDirectory();
        using var windowed = new TempDirectory();
        var model = Path.Combine(Repository.Root, "examples", example);
        string[] common = ["history", "--model", model, "--duration", "1 hour", "--start", "2026-01-01T00:00:00", "--format", "jsonl", "--batch-size", "1000", "--progress", "none"];

        var (code, output, error) = await ActorsimCommand.RunAsync([.. common, "--dest", reference.Path, "--engine", "reference"]);
        var (windowedCode, windowedOutput, windowedError) = await ActorsimCommand.RunAsync([.. common, "--dest", windowed.Path, "--engine", "windowed", "--parallelism", "2"]);
        using var actors = new TempDirectory();
        var (actorsCode, actorsOutput, actorsError) = await ActorsimCommand.RunAsync([.. common, "--dest", actors.Path, "--engine", "actors", "--parallelism", "2"]);

        Assert.True(code == 0, error);
        Assert.True(windowedCode == 0, windowedError);
        Assert.Contains("with the reference engine", output);
        Assert.Contains("with the windowed engine", windowedOutput);
        Assert.True(actorsCode == 0, actorsError);
        Assert.Contains("with the actors engine", actorsOutput);
        Assert.Matches(@"line \w+: [\d,]+ events, [\d,]+ grants, busy [\d.]+ s, sync wait [\d.]+ s, egress blocked [\d.]+ s", actorsOutput);
        Assert.Contains("parallel efficiency ", actorsOutput);
        Assert.DoesNotContain("parallel efficiency", windowedOutput);
        var folders = Directory.GetDirectories(reference.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(lines, folders.Length);
        Assert.All(folders, f => Assert.StartsWith("line=", f));
        var files = Directory.GetFiles(reference.Path, "*.jsonl", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(reference.Path, f)).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(files, Directory.GetFiles(windowed.Path, "*.jsonl", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(windowed.Path, f)).Order(StringComparer.Ordinal));
        foreach (var file in files)
        {
            var expected = File.ReadAllBytes(Path.Combine(reference.Path, file));
            Assert.Equal(expected, File.ReadAllBytes(Path.Combine(windowed.Path, file)));
            Assert.Equal(expected, File.ReadAllBytes(Path.Combine(actors.Path, file)));
        }

        // Items crossed the links: downstream lines have events with keys made upstream.
        Assert.Contains(files, f => f.Contains("Assembly", StringComparison.Ordinal) || f.Contains("Packing", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_paced_plant_should_run_in_real_time_through_the_actors_and_be_refused_by_the_other_engines()
    {
        using var dir = new TempDirectory();
        var model = Path.Combine(dir.Path, "paced.yaml");
        var yaml = await File.ReadAllTextAsync(Path.Combine(Repository.Root, "examples", "rework-loop.yaml"));
        await File.WriteAllTextAsync(model, yaml.Replace("duration: 1 day}", "duration: 1 day, factor: 0.002}", StringComparison.Ordinal));
        string[] common = ["history", "--model", model, "--duration", "30 s", "--format", "jsonl", "--keep-telemetry", "--dest", dir.Sub("out"), "--progress", "none"];

        var (refusedCode, _, refusedError) = await ActorsimCommand.RunAsync([.. common, "--engine", "reference"]);
        var (code, output, error) = await ActorsimCommand.RunAsync(common);

        Assert.Equal(2, refusedCode);
        Assert.Contains("only the actor engine does; add --engine actors", refusedError);
        Assert.True(code == 0, error);
        Assert.Contains("with the actors engine", output);
        var lag = Directory.GetFiles(dir.Sub("out"), "telemetry_*.jsonl", SearchOption.AllDirectories)
            .SelectMany(File.ReadLines).Count(l => l.Contains("system.simulation.lag_seconds", StringComparison.Ordinal));
        Assert.Equal(3 * 30, lag);
    }

    [Fact]
    public async Task An_unknown_engine_should_exit_2()
    {
        var (code, _, error) = await ActorsimCommand.RunAsync("history", "--engine", "quantum");

        Assert.Equal(2, code);
        Assert.Contains("--engine 'quantum' is not known: use reference, windowed or actors", error);
    }

    [Fact]
    public async Task An_example_plant_written_to_parquet_should_give_its_telemetry_a_dataset_of_its_own()
    {
        using var dir = new TempDirectory();
        var model = Path.Combine(Repository.Root, "examples", "rework-loop.yaml");

        // The example as written: parquet, events and telemetry kept, no telemetry_path.
        var (code, _, error) = await ActorsimCommand.RunAsync("history", "--model", model, "--duration", "1 hour", "--dest", dir.Path, "--progress", "none");

        Assert.True(code == 0, error);
        var events = DuckDb.Query($"SELECT count(*), count(DISTINCT stream_type) FROM read_parquet('{dir.Path}/line=*/events_*.parquet')");
        var telemetry = DuckDb.Query($"SELECT count(*), min(stream_type), max(stream_type), count(value) FROM read_parquet('{dir.Path}/line=*/telemetry_*.parquet')");
        Assert.True(Convert.ToInt64(events[0][0]) > 1000);
        Assert.Equal(1L, Convert.ToInt64(events[0][1]));
        Assert.True(Convert.ToInt64(telemetry[0][0]) > 0);
        Assert.Equal("telemetry", telemetry[0][1]);
        Assert.Equal("telemetry", telemetry[0][2]);
        Assert.Equal(telemetry[0][0], telemetry[0][3]);
    }

    [Fact]
    public async Task Two_sinks_that_dest_would_put_on_the_same_files_should_be_refused_before_the_run()
    {
        using var dir = new TempDirectory();
        var model = Path.Combine(dir.Path, "two-sinks.yaml");
        var yaml = await File.ReadAllTextAsync(Path.Combine(Repository.Root, "examples", "rework-loop.yaml"));
        await File.WriteAllTextAsync(model, yaml.Replace(
            "egress: [{format: parquet, dest: out/rework-loop}]",
            "egress: [{name: a, format: jsonl, dest: out/a}, {name: b, format: jsonl, dest: out/b}]",
            StringComparison.Ordinal));

        var (code, _, error) = await ActorsimCommand.RunAsync("history", "--model", model, "--duration", "1 hour", "--dest", dir.Sub("out"), "--progress", "none");

        Assert.Equal(2, code);
        Assert.Contains("sinks 'a' and 'b' would both write", error);
        Assert.False(Directory.Exists(dir.Sub("out")));
    }
}
