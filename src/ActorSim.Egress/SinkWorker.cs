using System.Globalization;
using System.Runtime.CompilerServices;
using ActorSim.Egress.Internal;
using ActorSim.Egress.Reports;
using ActorSim.Model.Records;

namespace ActorSim.Egress;

/// <summary>
/// One sink's whole way out — router, per-destination batching, chunk encoder, stores in flight and accounting — for a
/// host that drives it from one thread at a time and never blocks on it, such as an actor: <see cref="Add"/> records
/// until <see cref="IsSaturated"/>, <see cref="Pump"/> to encode and start stores, and <see cref="LandOldest"/> once
/// the task <see cref="Pump"/> returned has completed. Same batches, chunk names and bytes as an
/// <see cref="EgressPipeline"/> given the same records.
/// </summary>
public sealed class SinkWorker
{
    private readonly SinkBatcher _batcher;
    private readonly ChunkStorer _storer;
    private readonly SinkParts _parts;
    private readonly Queue<RecordBatch> _batches = new();
    private int _queued;

    private SinkWorker(SinkOptions options, DateTime logicalStart, DestinationRegistry registry)
    {
        Options = options;
        _parts = new SinkParts(options, logicalStart, registry, Queue);
        _batcher = _parts.Batcher;
        _storer = _parts.Storer;
    }

    /// <summary>The sink's options.</summary>
    public SinkOptions Options { get; }

    /// <summary>The sink's name.</summary>
    public string Name => Options.Name;

    /// <summary>Records added so far; readable from any thread.</summary>
    public long Published => _batcher.Published;

    /// <summary>Records in stored chunks so far; readable from any thread.</summary>
    public long Written => _storer.Written;

    /// <summary>Full batches waiting to be encoded; readable from any thread.</summary>
    public int QueuedBatches => Volatile.Read(ref _queued);

    /// <summary>
    /// True once <see cref="SinkOptions.MaxQueuedBatches"/> batches wait: the host should add no more records until a
    /// store has landed, so that a slow store bounds memory and slows whoever feeds the sink.
    /// </summary>
    public bool IsSaturated => _batches.Count >= Options.MaxQueuedBatches;

    /// <summary>True when nothing waits to be encoded and no store is in flight.</summary>
    public bool IsIdle => _batches.Count == 0 && _storer.Oldest is null;

    /// <summary>
    /// Workers for <paramref name="sinks"/>, which may each run on their own thread. Throws an
    /// <see cref="ArgumentException"/> as <see cref="EgressPipeline"/> does: no sink, an invalid one, two of one name.
    /// </summary>
    public static IReadOnlyList<SinkWorker> ForSinks(DateTime logicalStart, IEnumerable<SinkOptions> sinks)
    {
        var list = SinkSet.Validate(sinks, nameof(sinks));
        var registry = new DestinationRegistry();
        return list.ConvertAll(s => new SinkWorker(s, logicalStart, registry));
    }

    /// <summary>
    /// Routes and batches <paramref name="records"/>; throws an <see cref="EgressException"/> naming the sink when its
    /// router fails or cannot place a record.
    /// </summary>
    [MethodImpl(HotPath.Options)]
    public void Add(ReadOnlySpan<SimRecord> records)
    {
        var i = 0;
        try
        {
            for (; i < records.Length; i++)
            {
                _batcher.Add(in records[i]);
            }
        }
        catch (Exception e) when (e is not EgressException)
        {
            throw new EgressException(
                string.Create(CultureInfo.InvariantCulture, $"Sink '{Name}': its router failed on a record at t={records[i].SimTime}: {e.Message}"), e)
            { SinkName = Name };
        }
    }

    /// <summary>Queues every partly filled batch (at the end).</summary>
    public void FlushAll() => _batcher.FlushAll();

    /// <summary>
    /// Encodes waiting batches and starts their stores while fewer than <see cref="SinkOptions.MaxStoresInFlight"/> are
    /// in flight. Returns the oldest store's task (call <see cref="LandOldest"/> once it has completed), or null when
    /// none is in flight.
    /// </summary>
    /// <remarks>Throws an <see cref="EgressException"/> naming the sink, the chunk and the store when a chunk cannot be encoded or its store cannot start.</remarks>
    public Task? Pump(CancellationToken cancellationToken)
    {
        try
        {
            while (_batches.Count > 0 && _storer.HasRoom)
            {
                var batch = _batches.Dequeue();
                Volatile.Write(ref _queued, _batches.Count);
                _storer.Start(batch, cancellationToken);
            }
        }
        catch (Exception e)
        {
            _storer.CountLanded();
            throw _parts.Failed(e);
        }

        return _storer.Oldest;
    }

    /// <summary>
    /// Counts the oldest store, whose task has completed; throws an <see cref="EgressException"/> naming the sink, the
    /// chunk and the store when that store failed.
    /// </summary>
    public void LandOldest()
    {
        try
        {
            _storer.LandOldest();
        }
        catch (Exception e)
        {
            _storer.CountLanded();
            throw _parts.Failed(e);
        }
    }

    /// <summary>After a failure: counts the stores still in flight that land within the stall timeout each.</summary>
    public Task SettleAsync() => _storer.SettleAsync();

    /// <summary>The report once everything is stored; throws an <see cref="EgressException"/> when a record is missing.</summary>
    /// <param name="blocked">Wall time the sink's feeder spent blocked on it, for the report.</param>
    public SinkReport Report(TimeSpan blocked) => _parts.Report(blocked);

    /// <summary>The error for a sink that made no progress for its stall timeout while <paramref name="what"/>.</summary>
    public EgressStalledException Stalled(string what) => _parts.Stalled(what);

    private void Queue(RecordBatch batch)
    {
        _batches.Enqueue(batch);
        Volatile.Write(ref _queued, _batches.Count);
    }
}
