using ActorSim.Egress;
using ActorSim.Egress.Storage;
using ActorSim.Runs;

namespace ActorSim.Cli.History;

/// <summary>
/// Everything <c>actorsim history</c> needs, after command line and environment are read. Values left null were
/// not given: a blueprint's value applies, else the reference job's default.
/// </summary>
internal sealed record HistoryOptions
{
    /// <summary>The reference job's batch size.</summary>
    public const int DefaultBatchSize = RunRequest.DefaultBatchSize;

    /// <summary>The stall timeout when neither --stall-timeout nor the blueprint sets one: the egress default, 30 s.</summary>
    public static readonly TimeSpan DefaultStallTimeout = TimeSpan.FromSeconds(RunRequest.DefaultStallTimeoutSeconds);

    public double? DurationSeconds { get; init; }

    public DateTime? Start { get; init; }

    public ulong? Seed { get; init; }

    public ChunkFormat? Format { get; init; }

    public string? Destination { get; init; }

    /// <summary>Records per chunk; null: the blueprint's, else 5000.</summary>
    public int? BatchSize { get; init; }

    /// <summary>Simulated seconds per chunk at most; null: the blueprint's, else one day.</summary>
    public double? FlushInterval { get; init; }

    /// <summary>Wall-clock time a sink may make no progress before the run fails; null: the blueprint's, else 30 s.</summary>
    public TimeSpan? StallTimeout { get; init; }

    public bool KeepTelemetry { get; init; }

    public bool PartitionByDate { get; init; }

    public string? ModelPath { get; init; }

    /// <summary>Endpoint and credentials for s3:// destinations (from the environment or defaults).</summary>
    public S3StoreOptions? S3 { get; init; }

    public bool CreateBucket { get; init; } = true;

    public ProgressMode Progress { get; init; } = ProgressMode.Auto;

    /// <summary>The runner: actors by default (a line per actor); reference and windowed for comparisons.</summary>
    public RunEngine Engine { get; init; } = RunEngine.Actors;

    /// <summary>Line threads for the actor and windowed engines (default: one per core).</summary>
    public int Parallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>Akka log level for the actor engine: DEBUG, INFO, WARNING (default), ERROR or OFF.</summary>
    public string LogLevel { get; init; } = "WARNING";

    /// <summary>What to do with a destination that already holds files: refuse (default), <c>--overwrite</c> or <c>--append</c>.</summary>
    public ActorSim.Egress.Destinations.WriteMode WriteMode { get; init; }

    /// <summary>The actor engine's settings from <c>--config FILE</c> (laid over the embedded configuration); null: the embedded configuration.</summary>
    public ActorSim.Actors.ActorRunnerSettings? ActorSettings { get; init; }

    /// <summary>Seed nodes of the cluster whose worker nodes run the plant's lines (<c>--cluster</c>); null: this process runs them.</summary>
    public IReadOnlyList<string>? Cluster { get; init; }

    /// <summary>The host this process binds as the cluster's client (<c>--cluster-host</c>).</summary>
    public string? ClusterHost { get; init; }

    /// <summary>A HOCON file over the client's embedded configuration (<c>--cluster-config</c>).</summary>
    public string? ClusterConfig { get; init; }

    /// <summary>Worker nodes to wait for before the lines are placed (<c>--cluster-workers</c>, default 1).</summary>
    public int ClusterWorkers { get; init; } = 1;

    /// <summary>How a cluster run places the lines the blueprint does not pin (<c>--placement</c>, default spread); null: not given.</summary>
    public ActorSim.Cluster.PlacementRule? Placement { get; init; }

    /// <summary>Simulated seconds between consistent checkpoints of a cluster run (<c>--checkpoint-every</c>); null: none.</summary>
    public double? CheckpointEvery { get; init; }

    /// <summary>The snapshot to start from (<c>--snapshot</c>): a file or <c>s3://bucket/key</c>.</summary>
    public string? SnapshotPath { get; init; }

    /// <summary>When to write an exact snapshot (<c>--snapshot-at</c>).</summary>
    public RunInstant? SnapshotAt { get; init; }

    /// <summary>Backfill, then live (<c>--go-live-at</c>).</summary>
    public RunInstant? GoLiveAt { get; init; }

    /// <summary>Simulated seconds between snapshots (<c>--snapshot-every</c>).</summary>
    public double? SnapshotEvery { get; init; }

    /// <summary>Where snapshots go (<c>--snapshot-out</c>).</summary>
    public string? SnapshotOut { get; init; }

    /// <summary>Plants: write every line into the destination itself (chunk names carry the line) instead of <c>line=&lt;sim_id&gt;/</c> folders.</summary>
    public bool MergeLines { get; init; }
}
