using ActorSim.Cli.Tests.Support;

namespace ActorSim.Cli.Tests;

public class HistoryUsageTests
{
    [Theory]
    [InlineData("--durations", "Unknown option '--durations'")]
    [InlineData("--duration", "--duration needs a value")]
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
        foreach (var option in new[] { "--duration", "--start", "--seed", "--format", "--dest", "--batch-size", "--flush-interval", "--keep-telemetry", "--partition-by-date", "--model", "--no-create-bucket", "--progress", "USE_S3", "S3_ENDPOINT", "S3_ACCESS_KEY", "S3_SECRET_KEY", "DEST_PATH" })
        {
            Assert.Contains(option, output);
        }

        // Every option the parser knows is documented: an undocumented one is an unknown option here.
        var (unknownCode, _, unknownError) = await ActorsimCommand.RunAsync("history", "--undocumented");
        Assert.Equal(2, unknownCode);
        foreach (var known in unknownError.Split("Known options: ")[1].TrimEnd('.', '\n', '\r').Split(", "))
        {
            Assert.Contains(known, output);
        }
    }
}
