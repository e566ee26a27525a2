namespace ActorSim.Cli.Node;

/// <summary>What <c>actorsim node</c> is asked to do, after the command line is read.</summary>
internal sealed record NodeOptions
{
    /// <summary>The host name or IP to bind and be known by; null: the configuration's (127.0.0.1).</summary>
    public string? Host { get; init; }

    /// <summary>The port; null: the configuration's (0, any free one).</summary>
    public int? Port { get; init; }

    /// <summary>The seed nodes, host:port; empty: this node starts a cluster.</summary>
    public IReadOnlyList<string> SeedNodes { get; init; } = [];

    /// <summary>The node's roles.</summary>
    public IReadOnlyList<string> Roles { get; init; } = ["worker"];

    /// <summary>A HOCON file laid over the embedded configuration.</summary>
    public string? Config { get; init; }

    /// <summary>Replication threads; null: the configuration's (one per core).</summary>
    public int? Parallelism { get; init; }

    /// <summary>The Akka log level; null: the configuration's (INFO).</summary>
    public string? LogLevel { get; init; }

    /// <summary>Endpoint and credentials for s3:// record destinations, from the environment.</summary>
    public ActorSim.Egress.Storage.S3StoreOptions? S3 { get; init; }
}
