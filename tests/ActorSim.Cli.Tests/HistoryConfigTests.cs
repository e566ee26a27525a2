using ActorSim.Actors;
using ActorSim.Cli.Tests.Support;
using ActorSim.Egress.Tests.Support;

namespace ActorSim.Cli.Tests;

/// <summary><c>--config FILE</c> lays a HOCON file over the embedded cluster-config/actorsim.conf; the flags override its keys.</summary>
public class HistoryConfigTests
{
    [Fact]
    public void A_config_file_should_reach_the_actor_settings_and_flags_should_override_its_keys()
    {
        using var dir = new TempDirectory();
        var file = dir.Sub("node.conf");
        File.WriteAllText(file, "actorsim.actors { parallelism = 3, log-level = ERROR, grants = rounds }");
        var command = new History.HistoryCommand();

        var fromFile = command.Read(command.Command.Parse(["--config", file]), new Dictionary<string, string>());
        var flags = command.Read(command.Command.Parse(["--config", file, "--parallelism", "1", "--log-level", "debug"]), new Dictionary<string, string>());

        Assert.Equal((3, "ERROR", GrantMode.Rounds), (fromFile.Parallelism, fromFile.LogLevel, fromFile.ActorSettings!.Grants));
        Assert.Equal((1, "DEBUG", GrantMode.Rounds), (flags.Parallelism, flags.LogLevel, flags.ActorSettings!.Grants));
    }

    [Fact]
    public async Task A_run_with_a_config_file_should_write_what_a_run_without_one_writes()
    {
        using var dir = new TempDirectory();
        var file = dir.Sub("node.conf");
        File.WriteAllText(file, "actorsim.actors { grants = rounds, line-turn = 0, progress-interval = 600 }");
        string[] run = ["history", "--duration", "2 hours", "--start", "2026-01-01T00:00:00", "--format", "jsonl", "--progress", "none"];

        var (plainCode, _, plainError) = await ActorsimCommand.RunAsync([.. run, "--dest", dir.Sub("plain")]);
        var (code, _, error) = await ActorsimCommand.RunAsync([.. run, "--dest", dir.Sub("configured"), "--config", file]);

        Assert.True(plainCode == 0, plainError);
        Assert.True(code == 0, error);
        var plain = Directory.GetFiles(dir.Sub("plain"), "*.jsonl").Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(plain);
        Assert.Equal(plain.Select(Path.GetFileName), Directory.GetFiles(dir.Sub("configured"), "*.jsonl").Order(StringComparer.Ordinal).Select(Path.GetFileName));
        Assert.All(plain, f => Assert.Equal(File.ReadAllBytes(f), File.ReadAllBytes(Path.Combine(dir.Sub("configured"), Path.GetFileName(f)))));
    }

    [Theory]
    [InlineData("actorsim.actors.grants = lazy", "actorsim.actors.grants must be eager")]
    [InlineData("actorsim.actors.parallelism = many", "actorsim.actors.parallelism must be a whole number")]
    public async Task A_config_file_with_a_bad_key_should_exit_2_naming_the_file_and_the_key(string text, string fault)
    {
        using var dir = new TempDirectory();
        var file = dir.Sub("node.conf");
        File.WriteAllText(file, text);

        var (code, _, error) = await ActorsimCommand.RunAsync("history", "--config", file, "--dest", dir.Sub("out"));

        Assert.Equal(2, code);
        Assert.Contains($"--config: The configuration file '{file}'", error, StringComparison.Ordinal);
        Assert.Contains(fault, error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(dir.Sub("out")));
    }

    [Fact]
    public async Task A_missing_config_file_should_exit_2_naming_it()
    {
        var (code, _, error) = await ActorsimCommand.RunAsync("history", "--config", "/nonexistent/node.conf");

        Assert.Equal(2, code);
        Assert.Contains("'/nonexistent/node.conf' cannot be read", error, StringComparison.Ordinal);
    }
}
