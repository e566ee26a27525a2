using ActorSim.Cli.Tests.Support;

namespace ActorSim.Cli.Tests;

public class HistoryUsageTests
{
    [Theory]
    [InlineData("--durations", "Unknown option '--durations'")]
    [InlineData("--duration", "Required argument missing for option: '--duration'")]
    [InlineData("--duration=fortnight", "--duration 'fortnight' is not a duration")]
    [InlineData("--format=csv", "--format 'csv' is not known: use parquet or jsonl")]
    [InlineData("--seed=-3", "--seed '-3' is not a whole number")]
    [InlineData("--batch-size=0", "--batch-size '0' must be a whole number of records, at least 1")]
    [InlineData("--start=yesterday", "--start 'yesterday' is not an ISO-8601 instant")]
    [InlineData("--keep-telemetry=yes", "--keep-telemetry is a switch and takes no value")]
    [InlineData("--dest=s3://", "names no bucket")]
    public async Task A_bad_argument_should_exit_2_naming_it(string argument, string message)
    {
        var (code, _, error) = await ActorsimCommand.RunAsync("history", argument);

        Assert.Equal(2, code);
        Assert.Contains(message, error);
    }

    [Theory]
    [InlineData(new[] { "--checkpoint-every", "1 hour" }, "--checkpoint-every needs --cluster")]
    [InlineData(new[] { "--placement", "together" }, "--placement needs --cluster")]
    [InlineData(new[] { "--cluster", "127.0.0.1:4053", "--placement", "close" }, "--placement 'close' is not known: use spread")]
    [InlineData(new[] { "--checkpoint-every", "1 hour", "--cluster", "127.0.0.1:1", "--snapshot-every", "1 hour", "--snapshot-out", "snaps" }, "--checkpoint-every and --snapshot-at/--snapshot-every exclude each other")]
    [InlineData(new[] { "--checkpoint-every", "never" }, "--checkpoint-every 'never' is not a duration")]
    public async Task Checkpoints_or_a_placement_asked_where_they_cannot_apply_should_exit_2_saying_why(string[] arguments, string message)
    {
        using var folder = new Egress.Tests.Support.TempDirectory();
        var (code, _, error) = await ActorsimCommand.RunAsync(["history", "--model", "two-stage", "--duration", "1 hour", "--dest", folder.Sub("out"), .. arguments]);

        Assert.Equal(2, code);
        Assert.Contains(message, error);
        Assert.False(Directory.Exists(folder.Sub("out")));
    }

    [Fact]
    public async Task An_actor_configuration_for_this_process_given_to_a_cluster_run_should_exit_2_naming_the_option_that_serves()
    {
        using var folder = new Egress.Tests.Support.TempDirectory();
        var config = folder.Sub("actors.conf");
        await File.WriteAllTextAsync(config, "actorsim.actors.direct-items = off");

        var (code, _, error) = await ActorsimCommand.RunAsync(["history", "--model", "two-stage", "--duration", "1 hour", "--dest", folder.Sub("out"), "--cluster", "127.0.0.1:1", "--config", config]);

        Assert.Equal(2, code);
        Assert.Contains("on a cluster the client reads --cluster-config FILE", error);
    }

    [Fact]
    public async Task An_unknown_command_should_exit_2()
    {
        var (code, _, error) = await ActorsimCommand.RunAsync("forecast-all");

        Assert.Equal(2, code);
        Assert.Contains("Unknown command 'forecast-all'", error);
    }

    [Fact]
    public async Task History_help_should_list_every_option_the_parser_accepts()
    {
        var (code, output, _) = await ActorsimCommand.RunAsync("history", "--help");

        Assert.Equal(0, code);
        var options = new History.HistoryCommand().Command.Options.Select(o => o.Name).ToList();
        Assert.Contains("--duration", options);
        Assert.All(options, option => Assert.Contains(option, output));
        foreach (var variable in new[] { "USE_S3", "S3_ENDPOINT", "S3_ACCESS_KEY", "S3_SECRET_KEY", "DEST_PATH" })
        {
            Assert.Contains(variable, output);
        }

        Assert.Contains("Exit codes:", output);
    }

    [Theory]
    [InlineData("--durations", "--duration")]
    [InlineData("--dura", "--duration")]
    [InlineData("--batchsize", "--batch-size")]
    public async Task A_mistyped_option_should_exit_2_suggesting_the_right_one(string mistyped, string meant)
    {
        var (code, _, error) = await ActorsimCommand.RunAsync("history", mistyped, "1 day");

        Assert.Equal(2, code);
        Assert.Equal($"actorsim: Unknown option '{mistyped}'. Did you mean {meant}? See 'actorsim history --help'.", error.Trim());
    }

    [Fact]
    public async Task A_history_option_before_the_command_should_exit_2_naming_the_command()
    {
        var (code, _, error) = await ActorsimCommand.RunAsync("--duration", "1 day", "history");

        Assert.Equal(2, code);
        Assert.Contains("it is an option of history", error);
    }

    [Fact]
    public async Task Every_bad_argument_should_be_reported_at_once()
    {
        var (code, _, error) = await ActorsimCommand.RunAsync("history", "--seed=x", "--format=csv", "--progress=loud");

        Assert.Equal(2, code);
        Assert.Equal(3, error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.All(error.Split('\n', StringSplitOptions.RemoveEmptyEntries), line => Assert.StartsWith("actorsim: --", line, StringComparison.Ordinal));
    }
}
