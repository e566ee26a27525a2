using System.Globalization;
using ActorSim.Actors;
using ActorSim.Egress.Storage;
using Akka.Configuration;

namespace ActorSim.Cluster;

/// <summary>
/// How one process joins the cluster: its address, the seed nodes, its roles and replication threads, over the
/// embedded <c>cluster-config/cluster-node.conf</c> (and a <c>--config</c> file laid over it). Immutable; <c>with</c> copies.
/// </summary>
public sealed record ClusterNodeSettings
{
    /// <summary>The actor system name every member shares: a seed address names it.</summary>
    public const string SystemName = "actorsim";

    /// <summary>The role of nodes that run forecast replications.</summary>
    public const string WorkerRole = "worker";

    /// <summary>The role of a forecast's client node: it holds the job and runs no replication.</summary>
    public const string ClientRole = "client";

    /// <summary>The host name or IP this node binds and is known by; null: the configuration's (127.0.0.1).</summary>
    public string? Host { get; init; }

    /// <summary>The TCP port; 0 picks a free one; null: the configuration's (0).</summary>
    public int? Port { get; init; }

    /// <summary>The nodes to join, each <c>host:port</c> or a full address (<c>akka.tcp://actorsim@host:port</c>); empty: this node starts a cluster of its own.</summary>
    public IReadOnlyList<string> SeedNodes { get; init; } = [];

    /// <summary>The node's roles (<see cref="WorkerRole"/>, <see cref="ClientRole"/>).</summary>
    public IReadOnlyList<string> Roles { get; init; } = [WorkerRole];

    /// <summary>Threads running replications on this node; null: <c>actorsim.cluster.parallelism</c> (0 = one per core).</summary>
    public int? Parallelism { get; init; }

    /// <summary>The Akka log level (DEBUG, INFO, WARNING, ERROR, OFF); null: <c>actorsim.actors.log-level</c>.</summary>
    public string? LogLevel { get; init; }

    /// <summary>A HOCON file laid over the embedded configuration (<c>--config FILE</c>); null: none.</summary>
    public string? ConfigFile { get; init; }

    /// <summary>Verify that every message can be serialized, also between local actors (<c>akka.actor.serialize-messages</c>): for tests.</summary>
    public bool SerializeMessages { get; init; }

    /// <summary>
    /// How this node reaches the folders and buckets forecasts keep records in (<c>--keep-records</c>): a folder or
    /// <c>s3://bucket/prefix</c> to a store with this node's endpoint and credentials. Null: local folders, and S3 with
    /// the AWS SDK's own defaults.
    /// </summary>
    public Func<string, IObjectStore>? Stores { get; init; }

    /// <summary>HOCON laid over everything else (tests: shorter failure detection, the throttling transport).</summary>
    public string? Overrides { get; init; }

    /// <summary>The embedded <c>cluster-config/cluster-node.conf</c>.</summary>
    public static Config NodeReference { get; } = LoadNodeReference();

    /// <summary>The full address of a seed given as <c>host:port</c> (or already as an address); throws an <see cref="ArgumentException"/> saying the form.</summary>
    public static string SeedAddress(string seed)
    {
        ArgumentNullException.ThrowIfNull(seed);
        var text = seed.Trim();
        if (text.Contains("://", StringComparison.Ordinal))
        {
            return text;
        }

        var colon = text.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(text[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
        {
            throw new ArgumentException($"The seed node '{seed}' must be host:port (port 1 to 65535), e.g. 127.0.0.1:4053.", nameof(seed));
        }

        return string.Create(CultureInfo.InvariantCulture, $"akka.tcp://{SystemName}@{text[..colon]}:{port}");
    }

    /// <summary>The configuration the node's actor system starts from; a bad file or value throws an <see cref="ArgumentException"/> naming it.</summary>
    public Config ToConfig()
    {
        if (Port is < 0 or > 65535)
        {
            throw new ArgumentException($"The port {Port} must be 0 (any free one) to 65535.", nameof(Port));
        }

        if (Parallelism is < 1)
        {
            throw new ArgumentException($"The parallelism {Parallelism} must be 1 or more replication threads.", nameof(Parallelism));
        }

        var seeds = SeedNodes.Select(SeedAddress).ToArray();
        var file = ConfigFile is null ? Config.Empty : ReadFile(ConfigFile);
        var top = new List<string>();
        if (Host is not null)
        {
            top.Add($"akka.remote.dot-netty.tcp.hostname = \"{Host}\"");
        }

        if (Port is { } port)
        {
            top.Add(string.Create(CultureInfo.InvariantCulture, $"akka.remote.dot-netty.tcp.port = {port}"));
        }

        if (SeedNodes.Count > 0)
        {
            top.Add($"akka.cluster.seed-nodes = [{string.Join(", ", seeds.Select(s => $"\"{s}\""))}]");
        }

        top.Add($"akka.cluster.roles = [{string.Join(", ", Roles.Select(r => $"\"{r}\""))}]");
        if (Parallelism is { } parallelism)
        {
            top.Add(string.Create(CultureInfo.InvariantCulture, $"actorsim.cluster.parallelism = {parallelism}"));
        }

        if (LogLevel is not null)
        {
            top.Add($"actorsim.actors.log-level = {LogLevel}");
        }

        var chosen = ConfigurationFactory.ParseString(string.Join('\n', top));
        if (Overrides is not null)
        {
            chosen = ConfigurationFactory.ParseString(Overrides).WithFallback(chosen);
        }

        var layered = chosen.WithFallback(file).WithFallback(NodeReference);
        ActorRunnerSettings runner;
        try
        {
            runner = ActorRunnerSettings.FromConfig(layered) with { SerializeMessages = SerializeMessages };
        }
        catch (ArgumentException e) when (ConfigFile is not null)
        {
            throw new ArgumentException($"The configuration file '{ConfigFile}': {e.Message}", e);
        }

        var threads = ReplicationThreads(layered);
        var rendered = ConfigurationFactory.ParseString(string.Create(CultureInfo.InvariantCulture,
            $"actorsim.cluster.replication-dispatcher.dedicated-thread-pool.thread-count = {threads}"));
        return rendered.WithFallback(runner.ToConfig());
    }

    /// <summary>The replication threads <paramref name="config"/> gives: <c>actorsim.cluster.parallelism</c>, or one per core for 0.</summary>
    internal static int ReplicationThreads(Config config)
    {
        int value;
        try
        {
            value = config.GetInt("actorsim.cluster.parallelism", 0);
        }
        catch (Exception e) when (e is FormatException or OverflowException or ConfigurationException)
        {
            throw new ArgumentException($"actorsim.cluster.parallelism must be a whole number of threads, 0 for one per core; got '{config.GetString("actorsim.cluster.parallelism")}'.", e);
        }

        return value switch
        {
            0 => Environment.ProcessorCount,
            > 0 => value,
            _ => throw new ArgumentException($"actorsim.cluster.parallelism must be 0 (one thread per core) or a positive thread count; got {value}."),
        };
    }

    private static Config ReadFile(string path)
    {
        try
        {
            return ConfigurationFactory.ParseString(File.ReadAllText(path));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ArgumentException($"The configuration file '{path}' cannot be read: {e.Message}", e);
        }
#pragma warning disable CA1031 // The HOCON parser throws several exception types; each means the file is not HOCON.
        catch (Exception e) when (e is not OutOfMemoryException and not ArgumentException)
#pragma warning restore CA1031
        {
            throw new ArgumentException($"The configuration file '{path}' is not valid HOCON: {e.Message}", e);
        }
    }

    private static Config LoadNodeReference()
    {
        using var stream = typeof(ClusterNodeSettings).Assembly.GetManifestResourceStream("ActorSim.Cluster.cluster-node.conf")
            ?? throw new InvalidOperationException("The embedded resource cluster-config/cluster-node.conf is missing from ActorSim.Cluster.");
        using var reader = new StreamReader(stream);
        return ConfigurationFactory.ParseString(reader.ReadToEnd());
    }
}
