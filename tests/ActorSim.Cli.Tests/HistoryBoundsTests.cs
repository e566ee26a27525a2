using ActorSim.Cli.Tests.Support;
using ActorSim.Egress.Tests.Support;

namespace ActorSim.Cli.Tests;

/// <summary>The time range and batch size bounds, checked before the run whether they come from flags or a blueprint.</summary>
public class HistoryBoundsTests
{
    private const string LastInstant = "9999-12-31T23:59:59.999";

    private static string LineExample => Path.Combine(Repository.Root, "examples", "line.yaml");

    private static string PlantExample => Path.Combine(Repository.Root, "examples", "two-stage-plant.yaml");

    [Theory]
    [InlineData("parquet")]
    [InlineData("jsonl")]
    public async Task Start_plus_duration_past_the_last_timestamp_should_be_refused_with_exit_2(string format)
    {
        using var dir = new TempDirectory();

        var (code, output, error) = await ActorsimCommand.RunAsync("history", "--start", "9999-12-30", "--duration", "1 week", "--format", format, "--dest", dir.Path, "--progress", "none");

        Assert.True(code == 2, $"exit {code}: {error}");
        Assert.Contains(LastInstant, error, StringComparison.Ordinal);
        Assert.Contains("--start", error, StringComparison.Ordinal);
        Assert.Contains("--duration", error, StringComparison.Ordinal);
        Assert.Empty(output);
        Assert.Empty(Directory.GetFileSystemEntries(dir.Path));
    }

    [Fact]
    public async Task A_run_ending_on_the_last_timestamp_should_be_accepted_and_one_millisecond_more_refused()
    {
        using var dir = new TempDirectory();

        var late = await ActorsimCommand.RunAsync("history", "--start", "9999-12-31T23:00:00", "--duration", "1 hour", "--format", "jsonl", "--dest", dir.Path, "--progress", "none");
        var last = await ActorsimCommand.RunAsync("history", "--start", "9999-12-31T22:59:59.999", "--duration", "1 hour", "--format", "jsonl", "--dest", dir.Path, "--progress", "none");

        Assert.True(late.ExitCode == 2, late.Error);
        Assert.True(last.ExitCode == 0, last.Error);
        var final = File.ReadLines(Directory.GetFiles(dir.Path, "events_*.jsonl").Order(StringComparer.Ordinal).Last()).Last();
        Assert.Contains("\"timestamp\":\"9999-12-31T2", final, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Blueprint_simulation_start_and_duration_past_the_last_timestamp_should_be_refused_with_exit_2()
    {
        using var dir = new TempDirectory();
        var model = dir.Sub("late.yaml");
        File.WriteAllText(model, File.ReadAllText(LineExample)
            .Replace("start: \"2026-01-01T00:00:00\"", "start: \"9999-12-30T00:00:00\"", StringComparison.Ordinal)
            .Replace("dest: out", $"dest: '{dir.Sub("out")}'", StringComparison.Ordinal));

        var (code, _, error) = await ActorsimCommand.RunAsync("history", "--model", model, "--progress", "none");

        Assert.True(code == 2, $"exit {code}: {error}");
        Assert.Contains(LastInstant, error, StringComparison.Ordinal);
        Assert.Contains("simulation.start", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(dir.Sub("out")));
    }

    [Fact]
    public async Task Plant_blueprint_past_the_last_timestamp_should_be_refused_with_exit_2()
    {
        using var dir = new TempDirectory();
        var model = dir.Sub("plant.yaml");
        File.WriteAllText(model, File.ReadAllText(PlantExample)
            .Replace("start: \"2026-01-01T00:00:00\"", "start: \"9999-12-31T12:00:00\"", StringComparison.Ordinal));

        var (code, _, error) = await ActorsimCommand.RunAsync("history", "--model", model, "--dest", dir.Sub("out"), "--progress", "none");

        Assert.True(code == 2, $"exit {code}: {error}");
        Assert.Contains(LastInstant, error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(dir.Sub("out")));
    }

    [Theory]
    [InlineData("0000-12-31")]
    [InlineData("-0001-01-01")]
    [InlineData("0001-01-01T00:00:00+01:00")]
    public async Task Start_before_year_1_should_be_refused_with_exit_2(string start)
    {
        var (code, _, error) = await ActorsimCommand.RunAsync("history", "--start", start, "--duration", "1 hour", "--progress", "none");

        Assert.True(code == 2, $"exit {code}: {error}");
        Assert.Contains("--start", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0", "at least 1")]
    [InlineData("1000001", "at most 1000000")]
    [InlineData("2147483647", "at most 1000000")]
    [InlineData("99999999999", "at most 1000000")]
    [InlineData("99999999999999999999999", "at most 1000000")]
    [InlineData("-5", "whole number")]
    [InlineData("1e6", "whole number")]
    public async Task Batch_size_outside_its_bounds_should_be_refused_with_exit_2_naming_the_bound(string size, string bound)
    {
        var (code, _, error) = await ActorsimCommand.RunAsync("history", "--batch-size", size, "--duration", "1 hour", "--progress", "none");

        Assert.True(code == 2, $"exit {code}: {error}");
        Assert.Contains($"--batch-size '{size}'", error, StringComparison.Ordinal);
        Assert.Contains(bound, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_largest_batch_size_should_run()
    {
        using var dir = new TempDirectory();

        var (code, output, error) = await ActorsimCommand.RunAsync("history", "--batch-size", "1000000", "--flush-interval", "1 week", "--duration", "1 hour",
            "--start", "2026-01-01T00:00:00", "--dest", dir.Path, "--progress", "none");

        Assert.True(code == 0, error);
        Assert.Contains("sink history: published", output, StringComparison.Ordinal);
        Assert.Single(Directory.GetFiles(dir.Path, "events_*.parquet"));
    }

    [Fact]
    public async Task Blueprint_batch_size_above_the_maximum_should_be_refused_with_exit_2()
    {
        using var dir = new TempDirectory();
        var model = dir.Sub("big-batches.yaml");
        File.WriteAllText(model, File.ReadAllText(LineExample)
            .Replace("path: events.jsonl}", "path: events.jsonl, batch_size: 1000001}", StringComparison.Ordinal)
            .Replace("dest: out", $"dest: '{dir.Sub("out")}'", StringComparison.Ordinal));

        var (code, _, error) = await ActorsimCommand.RunAsync("history", "--model", model, "--duration", "1 hour", "--progress", "none");

        Assert.True(code == 2, $"exit {code}: {error}");
        Assert.Contains(model, error, StringComparison.Ordinal);
        Assert.Contains("batch_size", error, StringComparison.Ordinal);
        Assert.Contains("at most 1000000", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(dir.Sub("out")));
    }
}
