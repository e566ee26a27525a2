using ActorSim.Egress;

namespace ActorSim.Runs;

/// <summary>
/// What a user asks for before it is resolved into a <see cref="RunSpec"/>: a model and the values given for this run.
/// A value left null was not given: the blueprint's applies, else the reference job's default. The values mirror
/// <c>actorsim history</c>'s options, and refusals name them by those flags.
/// </summary>
public sealed record RunRequest
{
    /// <summary>The reference job's duration: one week.</summary>
    public const double DefaultDurationSeconds = 7 * 86400;

    /// <summary>The reference job's records per chunk.</summary>
    public const int DefaultBatchSize = 5000;

    /// <summary>The reference job's flush interval: one simulated day.</summary>
    public const double DefaultFlushInterval = 86400;

    /// <summary>The stall timeout when neither the request nor the blueprint sets one: 30 s.</summary>
    public const double DefaultStallTimeoutSeconds = 30;

    /// <summary>The destination when neither the request nor the blueprint names one.</summary>
    public const string DefaultDestination = "data";

    /// <summary>The model.</summary>
    public required ModelSource Model { get; init; }

    /// <summary>Simulated seconds (<c>--duration</c>).</summary>
    public double? DurationSeconds { get; init; }

    /// <summary>The logical start (<c>--start</c>).</summary>
    public DateTime? Start { get; init; }

    /// <summary>The seed (<c>--seed</c>).</summary>
    public ulong? Seed { get; init; }

    /// <summary>The replication, 0 or more.</summary>
    public int Replication { get; init; }

    /// <summary>The chunk format of every sink (<c>--format</c>).</summary>
    public ChunkFormat? Format { get; init; }

    /// <summary>The destination of every sink (<c>--dest</c>).</summary>
    public string? Destination { get; init; }

    /// <summary>Records per chunk of every sink (<c>--batch-size</c>).</summary>
    public int? BatchSize { get; init; }

    /// <summary>Simulated seconds per chunk at most, of every sink (<c>--flush-interval</c>).</summary>
    public double? FlushInterval { get; init; }

    /// <summary>Wall-clock time a sink may make no progress (<c>--stall-timeout</c>).</summary>
    public TimeSpan? StallTimeout { get; init; }

    /// <summary>Whether telemetry is kept, in a file of its own (<c>--keep-telemetry</c>).</summary>
    public bool KeepTelemetry { get; init; }

    /// <summary>Whether chunks go under <c>date=YYYY-MM-DD/</c> folders (<c>--partition-by-date</c>).</summary>
    public bool PartitionByDate { get; init; }

    /// <summary>Whether a plant's lines write into one dataset (<c>--merge-lines</c>).</summary>
    public bool MergeLines { get; init; }

    /// <summary>What to do with a destination that holds files (<c>--overwrite</c>, <c>--append</c>; default: refuse).</summary>
    public ActorSim.Egress.Destinations.WriteMode WriteMode { get; init; }

    /// <summary>The runner (<c>--engine</c>).</summary>
    public RunEngine Engine { get; init; } = RunEngine.Actors;

    /// <summary>Line threads (<c>--parallelism</c>).</summary>
    public int Parallelism { get; init; } = 1;

    /// <summary>The state to start from (<c>--snapshot</c>): the run keeps its logical start and goes on from its instant.</summary>
    public ActorSim.Model.Snapshots.ModelSnapshot? Snapshot { get; init; }

    /// <summary>When to take an exact snapshot (<c>--snapshot-at</c>): simulated seconds from the start, or a timestamp.</summary>
    public RunInstant? SnapshotAt { get; init; }

    /// <summary>Backfill, then live (<c>--go-live-at</c>): unpaced until this instant, paced at the factor after it.</summary>
    public RunInstant? GoLiveAt { get; init; }

    /// <summary>Simulated seconds between snapshots (<c>--snapshot-every</c>).</summary>
    public double? SnapshotEvery { get; init; }

    /// <summary>Where snapshots go (<c>--snapshot-out</c>): a file or <c>s3://bucket/key</c>; for <see cref="SnapshotEvery"/> a folder or prefix.</summary>
    public string? SnapshotOut { get; init; }
}
