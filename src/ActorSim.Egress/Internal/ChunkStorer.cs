using ActorSim.Egress.Writers;

namespace ActorSim.Egress.Internal;

/// <summary>
/// The back half of a sink: encodes each batch into a chunk and stores it, with up to
/// <see cref="SinkOptions.MaxStoresInFlight"/> stores in flight (they wait on the disk or the network, so several hide
/// their latency while the next chunk is encoded). Stores are counted in the order they were started. Used by one
/// thread at a time; <see cref="Written"/> is readable from any.
/// </summary>
internal sealed class ChunkStorer
{
    private readonly SinkOptions _options;
    private readonly IChunkEncoder _encoder;
    private readonly BatchArrayPool _arrays;
    private readonly Queue<StoreInFlight> _inFlight;
    private long _written;

    public ChunkStorer(SinkOptions options, DateTime logicalStart, BatchArrayPool arrays)
    {
        _options = options;
        _arrays = arrays;
        _inFlight = new Queue<StoreInFlight>(options.MaxStoresInFlight);
        // One buffer more than stores in flight: the chunk being encoded never overwrites one being stored.
        _encoder = options.Format == ChunkFormat.Jsonl
            ? new JsonlChunkEncoder(logicalStart, options.MaxStoresInFlight + 1)
            : new Writers.Parquet.ParquetChunkEncoder(logicalStart, options.Compression, options.RowGroupSize, options.MaxStoresInFlight + 1);
    }

    /// <summary>Records in stored chunks so far; readable from any thread.</summary>
    public long Written => Interlocked.Read(ref _written);

    /// <summary>Takes up the records a checkpoint counts as written, before the first store.</summary>
    public void Restore(long written) => Interlocked.Exchange(ref _written, written);

    /// <summary>True while another store may start.</summary>
    public bool HasRoom => _inFlight.Count < _options.MaxStoresInFlight;

    /// <summary>The store to wait for next, or null when none is in flight.</summary>
    public Task? Oldest => _inFlight.Count > 0 ? _inFlight.Peek().Task : null;

    /// <summary>The chunk being encoded or stored when the last failure happened: what an error message names.</summary>
    public string? CurrentChunk { get; private set; }

    /// <summary>Encodes <paramref name="batch"/> and starts storing it; the caller checked <see cref="HasRoom"/>.</summary>
    public void Start(RecordBatch batch, CancellationToken cancellationToken)
    {
        var path = ChunkNaming.ChunkPath(batch.Destination, batch.ChunkIndex);
        CurrentChunk = path;
        var bytes = _encoder.Encode(batch);
        _inFlight.Enqueue(new StoreInFlight(_options.Store.PutAsync(path, bytes, cancellationToken), batch, path, bytes));
    }

    /// <summary>Counts the oldest store, which has completed; rethrows its failure.</summary>
    public void LandOldest()
    {
        var oldest = _inFlight.Peek();
        CurrentChunk = oldest.Path;
        oldest.Task.GetAwaiter().GetResult();
        _inFlight.Dequeue();
        Stored(oldest);
    }

    /// <summary>Waits for the oldest store and counts it; rethrows its failure.</summary>
    public async Task LandOldestAsync()
    {
        var oldest = _inFlight.Peek();
        CurrentChunk = oldest.Path;
        await oldest.Task.ConfigureAwait(false);
        LandOldest();
    }

    /// <summary>After a failure: counts the stores that have landed already, without waiting for the others.</summary>
    public void CountLanded()
    {
        for (var n = _inFlight.Count; n > 0; n--)
        {
            var store = _inFlight.Dequeue();
            if (store.Task.IsCompletedSuccessfully)
            {
                Stored(store);
            }
            else
            {
                _inFlight.Enqueue(store);
            }
        }
    }

    /// <summary>After a failure: counts the stores still in flight that land within the stall timeout each.</summary>
    public async Task SettleAsync()
    {
        while (_inFlight.TryDequeue(out var store))
        {
            if (!store.Task.IsCompleted)
            {
                await Task.WhenAny(store.Task, Task.Delay(_options.StallTimeout, CancellationToken.None)).ConfigureAwait(false);
            }

            if (store.Task.IsCompletedSuccessfully)
            {
                Stored(store);
            }
        }
    }

    private void Stored(StoreInFlight store)
    {
        var batch = store.Batch;
        // Logged before it is counted: a checkpoint that counts the chunk (and so will not store it again) finds it in
        // the log it reads next. The encoder's buffer is still this chunk's: it is reused only after the next Start.
        _options.ChunkLog?.Stored(new Destinations.StoredChunk(
            _options.Name, store.Path, batch.Count, store.Content.Length, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(store.Content.Span))));

        // Read together by a checkpoint on the line's thread (DestinationStats.Landed).
        lock (batch.Stats)
        {
            batch.Stats.Written += batch.Count;
            batch.Stats.Chunks++;
            batch.Stats.Bytes += store.Content.Length;
        }

        Interlocked.Add(ref _written, batch.Count);
        _arrays.Return(batch.Records, batch.Count);
    }
}
