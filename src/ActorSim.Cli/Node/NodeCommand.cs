using System.Collections;
using System.CommandLine;
using System.Globalization;
using ActorSim.Cli.CommandLine;
using ActorSim.Cli.History;

namespace ActorSim.Cli.Node;

/// <summary><c>actorsim node</c> for System.CommandLine: a long-lived cluster member that offers its cores to forecasts.</summary>
internal sealed class NodeCommand
{
    private const string Description =
        "Start a long-lived node that joins an ActorSim cluster (Akka.Cluster) and, with role worker, runs forecast replications for clients (actorsim forecast --cluster) until stopped.";

    /// <summary>What the help shows after the options.</summary>
    public const string HelpSections = """
        Examples (three terminals on one machine):
          actorsim node --port 4053 --seed-nodes 127.0.0.1:4053 --parallelism 1
          actorsim node --port 4054 --seed-nodes 127.0.0.1:4053 --parallelism 1
          actorsim forecast --cluster 127.0.0.1:4053 --replications 1000

        The node logs membership (up, leaving, unreachable, removed) and each forecast job it serves through Akka's
        logger on stdout. Replications run on threads of their own (--parallelism), never on those of remoting and
        heartbeats. A forecast that keeps records (--keep-records) has this node write its replications' chunks: into a
        folder at the path the client gives, or into S3 with this node's S3_ENDPOINT, S3_ACCESS_KEY and S3_SECRET_KEY. Configuration: cluster-config/cluster-node.conf (embedded), --config FILE over it, the options over
        both. See docs/cluster.md.

        Exit codes:
          0    stopped by SIGINT (Ctrl+C) or SIGTERM: the node left the cluster through coordinated shutdown
          1    the node could not start (a port in use), or the cluster downed it
          2    bad command line or configuration file
        """;

    private readonly Option<string> _host = CliOption.Value("--host", "H", "The host name or IP to bind and be known by (default 127.0.0.1: this machine only).");

    private readonly Option<string> _port = CliOption.Value("--port", "P", "The TCP port (default 0: any free one; a seed node needs a fixed one).", text => ParsePort(text));

    private readonly Option<string> _seedNodes = CliOption.Value(
        "--seed-nodes", "HOST:PORT,…", "The nodes to join, comma-separated; a node listing itself first starts the cluster (default: none, this node starts a cluster of its own).",
        text => Seeds(text));

    private readonly Option<string> _roles = CliOption.Value("--roles", "ROLES", "The node's roles, comma-separated (default worker: it runs replications).");

    private readonly Option<string> _config = CliOption.Value("--config", "FILE", "A HOCON file laid over the embedded cluster-config/cluster-node.conf; the options override its keys.");

    private readonly Option<string> _parallelism = CliOption.Value(
        "--parallelism", "N", "Threads running replications (default: one per core).", text => HistoryOptionsParser.ParseParallelism(text));

    private readonly Option<string> _logLevel = CliOption.Value(
        "--log-level", "L", "Akka's log on stdout: debug | info | warning | error | off (default info).", text => HistoryOptionsParser.ParseLogLevel(text));

    public NodeCommand()
    {
        Command = new Command("node", Description) { _host, _port, _seedNodes, _roles, _config, _parallelism, _logLevel };
    }

    /// <summary>The command; its action is set by whoever runs it.</summary>
    public Command Command { get; }

    /// <summary>The options of a successful parse, with the S3 settings the environment supplies (for forecasts that keep records).</summary>
    public NodeOptions Read(ParseResult parse, IDictionary environment) => new()
    {
        S3 = HistoryOptionsParser.S3Options(environment),
        Host = parse.GetValue(_host),
        Port = parse.GetValue(_port) is { } port ? ParsePort(port) : null,
        SeedNodes = parse.GetValue(_seedNodes) is { } seeds ? Seeds(seeds) : [],
        Roles = parse.GetValue(_roles) is { } roles ? roles.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) : ["worker"],
        Config = parse.GetValue(_config),
        Parallelism = parse.GetValue(_parallelism) is { } threads ? HistoryOptionsParser.ParseParallelism(threads) : null,
        LogLevel = parse.GetValue(_logLevel) is { } level ? HistoryOptionsParser.ParseLogLevel(level) : null,
    };

    /// <summary>host:port items, each checked (<c>--seed-nodes</c>, <c>forecast --cluster</c>).</summary>
    public static string[] Seeds(string text)
    {
        var seeds = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (seeds.Length == 0)
        {
            throw new UsageException($"'{text}' names no node: give host:port[,host:port…], e.g. 127.0.0.1:4053.");
        }

        foreach (var seed in seeds)
        {
            try
            {
                ActorSim.Cluster.ClusterNodeSettings.SeedAddress(seed);
            }
            catch (ArgumentException e)
            {
                throw new UsageException(e.Message);
            }
        }

        return seeds;
    }

    private static int ParsePort(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port <= 65535
            ? port
            : throw new UsageException($"--port '{text}' must be a TCP port, 0 (any free one) to 65535.");
}
