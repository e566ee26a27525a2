using ActorSim.Egress.Storage;

namespace ActorSim.Cli.Forecast;

/// <summary>What <c>actorsim forecast</c> is asked to do, after the command line and environment are read.</summary>
internal sealed record ForecastOptions
{
    /// <summary>The blueprint; null: the built-in Line_A.</summary>
    public string? ModelPath { get; init; }

    /// <summary>The state to start from: a file, <c>s3://bucket/key</c> or <c>postgresql://…</c>; null: empty.</summary>
    public string? Snapshot { get; init; }

    /// <summary>Simulated seconds ahead.</summary>
    public double HorizonSeconds { get; init; } = 8 * 3600;

    /// <summary>Replications.</summary>
    public int Replications { get; init; } = 100;

    /// <summary>The forecast's seed.</summary>
    public ulong Seed { get; init; } = 42;

    /// <summary>Workers.</summary>
    public int Parallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>Queue alerts (<c>--alert Line_A.lathe.queue&gt;20</c>, repeatable).</summary>
    public IReadOnlyList<ActorSim.Forecasts.QueueAlert> Alerts { get; init; } = [];

    /// <summary>The what-if scenarios: <c>--what-if</c>'s changes as one named <c>what-if</c>, then those of <c>--scenarios FILE</c>.</summary>
    public IReadOnlyList<ActorSim.Forecasts.ForecastScenario> Scenarios { get; init; } = [];

    /// <summary>Sequential stopping (<c>--target-precision</c>, <c>--target-kpi</c>, <c>--max-replications</c>); null: a fixed count.</summary>
    public ActorSim.Forecasts.PrecisionRule? Precision { get; init; }

    /// <summary>Simulated seconds between the bands' samples (<c>--band-step</c>); 0: the horizon / 96.</summary>
    public double BandStep { get; init; }

    /// <summary>The output folder.</summary>
    public string Out { get; init; } = "forecast";

    /// <summary>Replace a previous forecast in <see cref="Out"/>.</summary>
    public bool Overwrite { get; init; }

    /// <summary>Whether a line on standard error tells the progress every 5 s (<c>--progress none</c> turns it off).</summary>
    public bool Progress { get; init; } = true;

    /// <summary>Where each replication's records go (<c>--keep-records</c>); null: nowhere.</summary>
    public string? KeepRecords { get; init; }

    /// <summary>The cluster's seed nodes (<c>--cluster host:port,…</c>): replications run on its worker nodes; null: in this process.</summary>
    public IReadOnlyList<string>? Cluster { get; init; }

    /// <summary>The host this process binds as the cluster's client (<c>--cluster-host</c>); null: 127.0.0.1.</summary>
    public string? ClusterHost { get; init; }

    /// <summary>A HOCON file laid over the client's embedded cluster-node.conf (<c>--cluster-config</c>); null: none.</summary>
    public string? ClusterConfig { get; init; }

    /// <summary>Endpoint and credentials for s3:// snapshots and records.</summary>
    public S3StoreOptions? S3 { get; init; }
}
