using ActorSim.Egress;
using ActorSim.Egress.Routing;
using ActorSim.Egress.Storage;
using ActorSim.Model.Records;

namespace ActorSim.Runs;

/// <summary>
/// One sink of a run as data, every value resolved: where records go, which go, and in what chunks. A process turns it
/// into <see cref="SinkOptions"/> with a store of its own (<see cref="ToSinkOptions"/>): credentials never travel with it.
/// </summary>
public sealed record SinkSpec
{
    /// <summary>The sink's name in reports.</summary>
    public required string Name { get; init; }

    /// <summary>The chunk format.</summary>
    public ChunkFormat Format { get; init; } = ChunkFormat.Parquet;

    /// <summary>A local directory or <c>s3://bucket/prefix</c>.</summary>
    public required string Destination { get; init; }

    /// <summary>The events' file name under the destination, e.g. <c>events.parquet</c>.</summary>
    public required string Events { get; init; }

    /// <summary>Telemetry's own file name under the destination; null: telemetry goes with the events (unless dropped).</summary>
    public string? Telemetry { get; init; }

    /// <summary>Whether telemetry samples are dropped.</summary>
    public bool DropTelemetry { get; init; }

    /// <summary>Whether task lifecycle events are dropped.</summary>
    public bool DropEvents { get; init; }

    /// <summary>Whether the lag metric is dropped.</summary>
    public bool DropLag { get; init; }

    /// <summary>Whether an event's value object becomes top-level columns.</summary>
    public bool Flatten { get; init; }

    /// <summary>Whether chunks go under Hive-style <c>date=YYYY-MM-DD/</c> folders.</summary>
    public bool PartitionByDate { get; init; }

    /// <summary>Records per chunk at most, 1 to <see cref="SinkOptions.MaxBatchSize"/>.</summary>
    public int BatchSize { get; init; } = 5000;

    /// <summary>Simulated seconds per chunk at most; 0 flushes by size only.</summary>
    public double FlushInterval { get; init; } = 86400;

    /// <summary>Wall-clock seconds the sink may make no progress before the run fails.</summary>
    public double StallTimeoutSeconds { get; init; } = 30;

    /// <summary>The Parquet codec.</summary>
    public ParquetCompression Compression { get; init; } = ParquetCompression.Snappy;

    /// <summary>The stall timeout as a time span.</summary>
    public TimeSpan StallTimeout => TimeSpan.FromSeconds(StallTimeoutSeconds);

    /// <summary>
    /// The file names this sink writes under its destination: the events' and, when it has one of its own, telemetry's.
    /// </summary>
    public IReadOnlyList<string> Targets => Telemetry is null ? [Events] : [Events, Telemetry];

    /// <summary>
    /// The egress options for this sink writing into <paramref name="store"/> (its destination, or a line's folder of
    /// it): the router drops, flattens and partitions as described, in that order.
    /// </summary>
    public SinkOptions ToSinkOptions(IObjectStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        var router = Telemetry is null ? Routers.All(Events) : Routers.ByStreamType(Events, Telemetry);
        if (DropTelemetry)
        {
            router = router.DropTelemetry();
        }

        if (DropEvents)
        {
            router = router.Where(static (in r) => r.Kind != RecordKind.Event);
        }

        if (DropLag)
        {
            router = router.DropLagMetric();
        }

        if (Flatten)
        {
            router = router.Flatten();
        }

        if (PartitionByDate)
        {
            router = router.PartitionByDate();
        }

        return new SinkOptions
        {
            Name = Name,
            Store = store,
            Router = router,
            Format = Format,
            BatchSize = BatchSize,
            FlushInterval = FlushInterval,
            StallTimeout = StallTimeout,
            Compression = Compression,
        };
    }

    /// <summary>Throws a <see cref="RunSpecException"/> naming the sink and the value out of range.</summary>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Name) || string.IsNullOrWhiteSpace(Destination) || string.IsNullOrWhiteSpace(Events))
        {
            throw new RunSpecException($"A sink needs a name, a destination and an events file (got name '{Name}', destination '{Destination}', events '{Events}').");
        }

        if (BatchSize < 1 || BatchSize > SinkOptions.MaxBatchSize)
        {
            throw new RunSpecException($"Sink '{Name}': batch size {BatchSize} must be from 1 to {SinkOptions.MaxBatchSize} records.");
        }

        if (!(FlushInterval >= 0) || double.IsInfinity(FlushInterval))
        {
            throw new RunSpecException($"Sink '{Name}': flush interval {FlushInterval} must be a finite number of simulated seconds, 0 or more.");
        }

        if (!(StallTimeoutSeconds > 0) || StallTimeoutSeconds > SinkOptions.MaxStallTimeout.TotalSeconds)
        {
            throw new RunSpecException($"Sink '{Name}': stall timeout {StallTimeoutSeconds} s must be above 0 and at most {SinkOptions.MaxStallTimeout.TotalSeconds:0} s.");
        }
    }
}
