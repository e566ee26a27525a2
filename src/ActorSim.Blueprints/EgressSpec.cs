namespace ActorSim.Blueprints;

/// <summary>
/// One <c>egress</c> entry: a neutral description of a sink that the command line maps onto the egress pipeline.
/// Values are checked when the blueprint loads; strings are lower case.
/// </summary>
public sealed record EgressSpec
{
    /// <summary>The formats a sink may write.</summary>
    public static IReadOnlyList<string> Formats { get; } = ["parquet", "jsonl"];

    /// <summary>The record families a sink may drop.</summary>
    public static IReadOnlyList<string> DropKinds { get; } = ["telemetry", "events", "lag"];

    /// <summary>
    /// Wall-clock seconds a sink may make no progress (a full queue, a store that does not finish) before the run fails
    /// (<c>stall_timeout</c>, a duration above zero); null for the runner's default.
    /// </summary>
    public double? StallTimeout { get; init; }

    /// <summary>The Parquet codecs.</summary>
    public static IReadOnlyList<string> Compressions { get; } = ["snappy", "zstd", "gzip", "none"];

    /// <summary>The sink's name for reports (<c>name</c>, default <c>egress-&lt;n&gt;</c>, counted from 1).</summary>
    public required string Name { get; init; }

    /// <summary><c>"parquet"</c> or <c>"jsonl"</c> (<c>format</c>, default parquet).</summary>
    public string Format { get; init; } = "parquet";

    /// <summary>A local directory or <c>s3://bucket/prefix</c> (<c>dest</c>, default <c>data</c>).</summary>
    public string Dest { get; init; } = "data";

    /// <summary>The destination file name under <see cref="Dest"/>, e.g. <c>events.jsonl</c> (<c>path</c>, default <c>events.&lt;format&gt;</c>).</summary>
    public required string Path { get; init; }

    /// <summary>What is dropped: any of <c>telemetry</c>, <c>events</c>, <c>lag</c> (<c>drop</c>, default none).</summary>
    public IReadOnlySet<string> Drop { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>Whether an event's value object becomes top-level columns (<c>flatten</c>, default false).</summary>
    public bool Flatten { get; init; }

    /// <summary>Whether destinations go under Hive-style <c>date=YYYY-MM-DD/</c> folders (<c>partition_by_date</c>, default false).</summary>
    public bool PartitionByDate { get; init; }

    /// <summary>When set, telemetry goes to this destination of its own instead of <see cref="Path"/> (<c>telemetry_path</c>).</summary>
    public string? TelemetryPath { get; init; }

    /// <summary>Records per chunk file at most (<c>batch_size</c>); null for the runner's default.</summary>
    public int? BatchSize { get; init; }

    /// <summary>Simulated seconds between flushes (<c>flush_interval</c>, a duration; 0 flushes by size only); null for the runner's default.</summary>
    public double? FlushInterval { get; init; }

    /// <summary>The Parquet codec (<c>compression</c>: snappy, zstd, gzip or none); null for the runner's default.</summary>
    public string? Compression { get; init; }
}
