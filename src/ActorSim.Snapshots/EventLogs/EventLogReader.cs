using System.Runtime.CompilerServices;
using ActorSim.Egress;
using ActorSim.Egress.Storage;
using ActorSim.Snapshots.EventLogs.Internal;

namespace ActorSim.Snapshots.EventLogs;

/// <summary>
/// Reads back the lifecycle events and telemetry a run wrote (<c>actorsim history</c>, or any egress sink): JSONL and
/// Parquet chunks, flattened or not, in <c>date=</c> and <c>line=</c> folders or not, from a local folder or S3.
/// Records stream chunk by chunk — the next two fetched and decoded on the thread pool meanwhile — in the order of
/// <see cref="EventLogSelection.Chunks"/> and, within a chunk, as written. That is time order within one written stream
/// (a destination path such as <c>events.parquet</c>) but not across streams: events before telemetry, one date folder
/// or line after another. Sort or merge by <see cref="LoggedRecord.SimTime"/> where global order matters.
/// </summary>
public sealed class EventLogReader
{
    private readonly IObjectStore _destination;
    private readonly IReadOnlyList<ChunkFile> _chunks;

    private EventLogReader(IObjectStore destination, EventLogSelection selection, IReadOnlyList<ChunkFile> chunks)
    {
        _destination = destination;
        Selection = selection;
        _chunks = chunks;
    }

    /// <summary>Which chunks are read and why (manifest or not, runs read and skipped, files ignored).</summary>
    public EventLogSelection Selection { get; }

    /// <summary>
    /// Lists the destination under <paramref name="prefix"/> in <paramref name="store"/> and chooses its chunks: those its
    /// <c>_manifest.json</c> lists for the runs <paramref name="options"/> choose, or without a manifest every
    /// <c>.jsonl</c> and <c>.parquet</c> file not hidden (<c>_</c> or <c>.</c> names, <c>.tmp</c> files), in path order.
    /// Throws an <see cref="EventLogException"/> when there is nothing to read or the manifest lists a missing chunk; a
    /// store's own failure (unreachable server, missing bucket) comes through as the store's exception.
    /// </summary>
    public static async Task<EventLogReader> OpenAsync(IObjectStore store, string prefix = "", EventLogOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        var destination = DestinationView.Of(store, prefix);
        var (selection, chunks) = await ChunkSelector.SelectAsync(destination, options ?? EventLogOptions.Default, cancellationToken).ConfigureAwait(false);
        return new EventLogReader(destination, selection, chunks);
    }

    /// <summary>
    /// The records with <see cref="LoggedRecord.SimTime"/> before <paramref name="until"/> (seconds; all by default), one
    /// at a time. See <see cref="ReadChunksAsync"/> for how the bound saves reading.
    /// </summary>
    public async IAsyncEnumerable<LoggedRecord> ReadAsync(double until = double.PositiveInfinity, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var chunk in ReadChunksAsync(until, cancellationToken).ConfigureAwait(false))
        {
            for (var i = 0; i < chunk.Records.Length; i++)
            {
                yield return chunk.Records.Span[i];
            }
        }
    }

    /// <summary>
    /// The records before <paramref name="until"/> chunk by chunk, in reused buffers: a chunk's records are valid until
    /// the next chunk is asked for, so copy what you keep. A stream's chunks hold its records in time order, so reading a
    /// stream stops at its first record at or after the bound and its later chunks are not fetched (but for those already
    /// fetched ahead); nor are <c>date=</c> folders that begin over 14 hours after it. Chunks with no records before the
    /// bound are not returned.
    /// </summary>
    public async IAsyncEnumerable<EventLogChunk> ReadChunksAsync(double until = double.PositiveInfinity, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (double.IsNaN(until))
        {
            throw new ArgumentOutOfRangeException(nameof(until), "The time bound must be a number of simulated seconds, not NaN.");
        }

        await using var chunks = new ChunkReadAhead(_destination, _chunks, until, cancellationToken);
        while (await chunks.NextAsync().ConfigureAwait(false) is var (chunk, records))
        {
            yield return new EventLogChunk(chunk.Path, chunk.RunId, records.Memory);
        }
    }
}
