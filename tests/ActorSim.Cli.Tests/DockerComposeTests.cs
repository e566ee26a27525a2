using System.CommandLine;
using System.Text.RegularExpressions;
using ActorSim.Cli.CommandLine;
using ActorSim.Cli.Forecast;
using ActorSim.Cli.History;
using ActorSim.Cli.Node;
using ActorSim.Cli.Snapshot;
using YamlDotNet.RepresentationModel;

namespace ActorSim.Cli.Tests;

/// <summary>
/// docker-compose.yml, without Docker (not on these machines): its services are those the README names, the cluster's
/// nodes find the seed, and every actorsim command line in it parses with the command's own parser.
/// </summary>
public sealed partial class DockerComposeTests
{
    private static readonly YamlMappingNode Services = Load();

    [Fact]
    public void The_compose_file_holds_s3_postgres_history_and_a_cluster_of_a_seed_workers_and_a_forecast()
    {
        Assert.Equal(["s3", "postgres", "history", "seed", "worker", "forecast"], Services.Children.Keys.Select(k => k.ToString()));
        foreach (var (name, service) in Services.Children)
        {
            var map = (YamlMappingNode)service;
            Assert.True(map.Children.ContainsKey("image") ^ map.Children.ContainsKey("build"), $"{name} needs an image or a build, not both");
            if (map.Children.TryGetValue("depends_on", out var needs))
            {
                Assert.All((YamlSequenceNode)needs, n => Assert.Contains(n.ToString(), Services.Children.Keys.Select(k => k.ToString())));
            }
        }

        Assert.Equal("seed", Value("seed", "hostname"));
        Assert.Contains("--seed-nodes seed:4053", Command("worker"));
        Assert.Contains("--host seed --port 4053 --seed-nodes seed:4053", Command("seed"));
        Assert.Contains("--cluster seed:4053", Command("forecast"));
    }

    [Theory]
    [InlineData("history")]
    [InlineData("seed")]
    [InlineData("worker")]
    [InlineData("forecast")]
    public void Every_actorsim_command_in_the_compose_file_parses(string service)
    {
        var args = Arguments(Command(service));
        var root = CliCommands.Create(new HistoryCommand(), new SnapshotCommand(), new ForecastCommand(), new NodeCommand());

        var parse = root.Parse(args);

        Assert.Empty(parse.Errors.Select(e => e.Message));
    }

    private static string Command(string service)
    {
        var map = (YamlMappingNode)Services.Children[service];
        if (map.Children.TryGetValue("entrypoint", out var entry))
        {
            var shell = ((YamlSequenceNode)entry).Children.Select(c => c.ToString()).ToArray();
            Assert.Equal(["sh", "-c"], shell[..2]);
            Assert.StartsWith("exec dotnet actorsim.dll ", shell[2]);
            return shell[2]["exec dotnet actorsim.dll ".Length..];
        }

        return string.Join(" ", ((YamlSequenceNode)map.Children["command"]).Children.Select(c => c.ToString().Contains(' ') ? $"'{c}'" : c.ToString()));
    }

    /// <summary>A shell line's words: single quotes group, <c>$$(hostname -i)</c> (compose's escape of <c>$(…)</c>) stands for an IP.</summary>
    private static string[] Arguments(string line) =>
        [.. Words().Matches(line.Replace("$$(hostname -i)", "172.18.0.5", StringComparison.Ordinal)).Select(m => m.Groups["quoted"].Success ? m.Groups["quoted"].Value : m.Value)];

    private static string? Value(string service, string key) => ((YamlMappingNode)Services.Children[service]).Children.TryGetValue(key, out var value) ? value.ToString() : null;

    private static YamlMappingNode Load()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "docker-compose.yml")))
        {
            directory = directory.Parent;
        }

        var yaml = new YamlStream();
        using var reader = new StreamReader(Path.Combine(directory!.FullName, "docker-compose.yml"));
        yaml.Load(reader);
        return (YamlMappingNode)((YamlMappingNode)yaml.Documents[0].RootNode).Children["services"];
    }

    [GeneratedRegex(@"'(?<quoted>[^']*)'|\S+")]
    private static partial Regex Words();
}
