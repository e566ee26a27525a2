using ActorSim.Cli.Tests.Support;
using ActorSim.Egress.Tests.Support;

namespace ActorSim.Cli.Tests;

public class RootCommandTests
{
    [Theory]
    [InlineData]
    [InlineData("--help")]
    [InlineData("-h")]
    public async Task The_root_should_show_its_help_naming_the_history_command(params string[] args)
    {
        var (code, output, error) = await ActorsimCommand.RunAsync(args);

        Assert.Equal(0, code);
        Assert.Equal(string.Empty, error);
        Assert.Contains("actorsim [command] [options]", output);
        Assert.Contains("history", output);
        Assert.Contains("actorsim history --help", output);
    }

    [Fact]
    public async Task Version_should_print_the_version_and_exit_0()
    {
        var (code, output, _) = await ActorsimCommand.RunAsync("--version");

        Assert.Equal(0, code);
        Assert.Matches(@"^\d+\.\d+\.\d+", output);
    }

    [Theory]
    [InlineData("forecast-all", "Unknown command 'forecast-all'. Did you mean forecast? Commands: history, snapshot, forecast, node.")]
    [InlineData("histroy", "Unknown command 'histroy'. Did you mean history?")]
    [InlineData("snapshots", "Unknown command 'snapshots'. Did you mean snapshot?")]
    public async Task An_unknown_command_should_exit_2_listing_the_commands(string command, string message)
    {
        var (code, output, error) = await ActorsimCommand.RunAsync(command);

        Assert.Equal(2, code);
        Assert.Equal(string.Empty, output);
        Assert.StartsWith($"actorsim: {message}", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_response_file_should_supply_the_arguments()
    {
        using var dir = new TempDirectory();
        var rsp = dir.Sub("args.rsp");
        await File.WriteAllLinesAsync(rsp, [
            "# a short run as JSONL",
            "--duration \"10 mins\"",
            "--start 2026-01-01T00:00:00",
            "--format jsonl",
            "--engine reference",
            "--progress none",
            $"--dest {dir.Sub("out")}",
        ]);

        var (code, output, error) = await ActorsimCommand.RunAsync("history", "@" + rsp);

        Assert.True(code == 0, error);
        Assert.Contains("00:10:00 from 2026-01-01T00:00:00.000", output);
        Assert.Contains("with the reference engine", output);
        Assert.NotEmpty(Directory.GetFiles(dir.Sub("out"), "events_*.jsonl"));
    }

    [Fact]
    public async Task A_missing_response_file_should_exit_2_naming_it()
    {
        var (code, _, error) = await ActorsimCommand.RunAsync("history", "@no-such-file.rsp");

        Assert.Equal(2, code);
        Assert.Contains("no-such-file.rsp", error);
    }
}
