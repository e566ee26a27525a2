using System.Globalization;
using ActorSim.Egress.Routing;
using ActorSim.Egress.Storage;

namespace ActorSim.Egress;

/// <summary>
/// One sink of an <see cref="EgressPipeline"/>: its store, format, router, batching and backpressure. Every sink gets
/// every record (fan-out); batches are per destination and cut by size or by simulated time, never by a wall clock.
/// </summary>
public sealed record SinkOptions
{
    /// <summary>The sink's name, used in reports and error messages.</summary>
    public required string Name { get; init; }

    /// <summary>Where chunk files go; destination paths are relative to it.</summary>
    public required IObjectStore Store { get; init; }

    /// <summary>Maps each record to a destination path, or drops it.</summary>
    public required RecordRouter Router { get; init; }

    /// <summary>Chunk file format (default Parquet).</summary>
    public ChunkFormat Format { get; init; } = ChunkFormat.Parquet;

    /// <summary>
    /// The largest <see cref="BatchSize"/>: a destination's batch is one array of records (about 64 bytes each, 64 MB
    /// at this size) allocated whole when the batch starts, and its chunk is encoded into one in-memory buffer, which
    /// .NET limits to 2 GiB (at this size, JSONL lines of up to 2 KB).
    /// </summary>
    public const int MaxBatchSize = 1_000_000;

    /// <summary><c>batch_size</c>: records per chunk file at most, from 1 to <see cref="MaxBatchSize"/> (default 500).</summary>
    public int BatchSize { get; init; } = 500;

    /// <summary>
    /// <c>flush_interval</c> in simulated seconds (default 1.0): a destination's batch is flushed once a record arrives
    /// whose sim time is at least this much after the batch's first record. Zero or infinity: flush by size only.
    /// </summary>
    public double FlushInterval { get; init; } = 1.0;

    /// <summary>Batches that may wait for the writer before <c>Publish</c> blocks (default 64).</summary>
    public int MaxQueuedBatches { get; init; } = 64;

    /// <summary>
    /// Chunks being stored at once while the next one is encoded (default 4): stores wait on the disk or the network,
    /// so a few in flight hide their latency. Each holds one encoded chunk in memory.
    /// </summary>
    public int MaxStoresInFlight { get; init; } = 4;

    /// <summary>The longest <see cref="StallTimeout"/>: a wait of <see cref="int.MaxValue"/> milliseconds, about 24.8 days.</summary>
    public static readonly TimeSpan MaxStallTimeout = TimeSpan.FromMilliseconds(int.MaxValue);

    /// <summary>How long <c>Publish</c> or teardown may wait on a sink that makes no progress before failing (default 30 s).</summary>
    public TimeSpan StallTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Parquet codec (default Snappy).</summary>
    public ParquetCompression Compression { get; init; } = ParquetCompression.Snappy;

    /// <summary>Rows per Parquet row group at most (default 100,000).</summary>
    public int RowGroupSize { get; init; } = 100_000;

    /// <summary>Told of every chunk once it is stored (path, rows, bytes, SHA-256), for a run's manifest; null for none.</summary>
    public Destinations.IChunkLog? ChunkLog { get; init; }

    /// <summary>Throws an <see cref="ArgumentException"/> naming the first invalid setting and what to use instead.</summary>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Name))
        {
            throw new ArgumentException("A sink needs a name (SinkOptions.Name), e.g. 'history'.", nameof(Name));
        }

        ArgumentNullException.ThrowIfNull(Store, nameof(Store));
        ArgumentNullException.ThrowIfNull(Router, nameof(Router));
        Check(BatchSize > 0, nameof(BatchSize), $"batch_size must be at least 1 (got {BatchSize}).");
        Check(BatchSize <= MaxBatchSize, nameof(BatchSize), $"batch_size must be at most {MaxBatchSize} records (got {BatchSize}): a batch is held in memory whole.");
        Check(!double.IsNaN(FlushInterval) && FlushInterval >= 0, nameof(FlushInterval), $"flush_interval must be >= 0 simulated seconds, or infinity (got {FlushInterval}).");
        Check(MaxQueuedBatches > 0, nameof(MaxQueuedBatches), $"MaxQueuedBatches must be at least 1 (got {MaxQueuedBatches}).");
        Check(MaxStoresInFlight > 0, nameof(MaxStoresInFlight), $"MaxStoresInFlight must be at least 1 (got {MaxStoresInFlight}).");
        Check(StallTimeout > TimeSpan.Zero && StallTimeout <= MaxStallTimeout, nameof(StallTimeout),
            string.Create(CultureInfo.InvariantCulture, $"the stall timeout (--stall-timeout, stall_timeout; SinkOptions.StallTimeout) must be above zero and at most {MaxStallTimeout.TotalSeconds:0.###} s (got {StallTimeout.TotalSeconds:0.###} s)."));
        Check(RowGroupSize > 0, nameof(RowGroupSize), $"RowGroupSize must be at least 1 (got {RowGroupSize}).");

        void Check(bool ok, string key, string message)
        {
            if (!ok)
            {
                throw new ArgumentException($"Sink '{Name}': {message}", key);
            }
        }
    }
}
