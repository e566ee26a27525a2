using System.Text.Json;
using ActorSim.Cli.Tests.Support;
using ActorSim.Egress.Tests.Support;

namespace ActorSim.Cli.Tests;

public class HistoryBlueprintTests
{
    private static string Example => Path.Combine(Repository.Root, "examples", "line.yaml");

    [Fact]
    public async Task The_issue_example_blueprint_should_run_as_written_with_overrides_from_the_command_line()
    {
        using var dir = new TempDirectory();

        var (code, output, error) = await ActorsimCommand.RunAsync("history", "--model", Example, "--duration", "4 days", "--dest", dir.Path, "--progress", "none");

        Assert.True(code == 0, error);
        Assert.Contains("from 2026-01-01T00:00:00.000", output);
        var lines = Directory.GetFiles(dir.Path, "events_*.jsonl").Order(StringComparer.Ordinal).SelectMany(File.ReadLines).ToList();
        Assert.NotEmpty(lines);
        using var first = JsonDocument.Parse(lines[0]);
        Assert.Equal(["stream_type", "sim_ts", "timestamp", "key", "path_id", "status"], first.RootElement.EnumerateObject().Select(p => p.Name));

        // The scenario raises the lathes from 4 to 6 at 3 days: afterwards up to 6 tasks are in service at once.
        var inService = 0;
        var maxBefore = 0;
        var maxAfter = 0;
        foreach (var line in lines)
        {
            using var json = JsonDocument.Parse(line);
            var status = json.RootElement.GetProperty("status").GetString();
            inService += status == "started" ? 1 : status == "finished" ? -1 : 0;
            if (json.RootElement.GetProperty("sim_ts").GetDouble() < 3 * 86400)
            {
                maxBefore = Math.Max(maxBefore, inService);
            }
            else
            {
                maxAfter = Math.Max(maxAfter, inService);
            }
        }

        Assert.Equal(4, maxBefore);
        Assert.Equal(6, maxAfter);
    }

    [Fact]
    public async Task Format_given_on_the_command_line_should_override_the_blueprint()
    {
        using var dir = new TempDirectory();

        var (code, _, error) = await ActorsimCommand.RunAsync("history", "--model", Example, "--duration", "1 hour", "--format", "parquet", "--dest", dir.Path, "--progress", "none");

        Assert.True(code == 0, error);
        var rows = DuckDb.Query($"SELECT count(*) FROM read_parquet('{dir.Path}/events_*.parquet')");
        Assert.True(Convert.ToInt64(rows[0][0]) > 10_000);
    }

    [Fact]
    public async Task A_malformed_blueprint_should_exit_2_with_file_line_and_column()
    {
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, "bad.yaml");
        await File.WriteAllTextAsync(path, """
            simulation: {sim_id: Line_A, duration: 1 day}
            arrivals:   {standard: {dist: exponentail, rate: 2.0}}
            """);

        var (code, _, error) = await ActorsimCommand.RunAsync("history", "--model", path, "--dest", dir.Path);

        Assert.Equal(2, code);
        Assert.Contains($"{path}:2:", error);
        Assert.Contains("exponentail", error);
    }

    [Fact]
    public async Task A_missing_blueprint_should_exit_2_naming_it()
    {
        var (code, _, error) = await ActorsimCommand.RunAsync("history", "--model", "no-such-plant.yaml");

        Assert.Equal(2, code);
        Assert.Contains("'no-such-plant.yaml' does not exist", error);
    }
}
