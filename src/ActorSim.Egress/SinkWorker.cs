using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using ActorSim.Egress.Internal;
using ActorSim.Egress.Reports;
using ActorSim.Engine;
using ActorSim.Model.Records;

namespace ActorSim.Egress;

/// <summary>
/// One sink — router, per-destination batching, chunk encoder, stores in flight, accounting — split for a host that
/// runs its two halves on two threads and never blocks the storing one, such as a line and its egress actor. The
/// routing thread calls <see cref="Add"/> (and <see cref="FlushAll"/> at the end); each full batch joins a queue
/// through the host's <see cref="Handoff"/>. The storing thread calls <see cref="Pump"/> to encode queued batches and
/// start their stores, and <see cref="LandOldest"/> once the task <see cref="Pump"/> returned has completed. Same
/// batches, chunk names and bytes as an <see cref="EgressPipeline"/> given the same records.
/// </summary>
public sealed class SinkWorker
{
    private readonly SinkBatcher _batcher;
    private readonly ChunkStorer _storer;
    private readonly SinkParts _parts;
    private readonly DateTime _logicalStart;
    private readonly ConcurrentQueue<RecordBatch> _batches = new();
    private int _queued;

    private SinkWorker(SinkOptions options, DateTime logicalStart, DestinationRegistry registry)
    {
        Options = options;
        _logicalStart = logicalStart;
        _parts = new SinkParts(options, logicalStart, registry, Queue);
        _batcher = _parts.Batcher;
        _storer = _parts.Storer;
    }

    /// <summary>The sink's options.</summary>
    public SinkOptions Options { get; }

    /// <summary>The sink's name.</summary>
    public string Name => Options.Name;

    /// <summary>The host's flow control between the two threads; none (an unbounded queue) until set.</summary>
    public IBatchHandoff? Handoff { get; set; }

    /// <summary>Records added so far; readable from any thread.</summary>
    public long Published => _batcher.Published;

    /// <summary>Records in stored chunks so far; readable from any thread.</summary>
    public long Written => _storer.Written;

    /// <summary>Full batches waiting to be encoded; readable from any thread.</summary>
    public int QueuedBatches => Volatile.Read(ref _queued);

    /// <summary>On the storing thread: true when no batch waits and no store is in flight.</summary>
    public bool IsIdle => _batches.IsEmpty && _storer.Oldest is null;

    /// <summary>
    /// Workers for <paramref name="sinks"/>, each used by its own pair of threads. Throws an
    /// <see cref="ArgumentException"/> as <see cref="EgressPipeline"/> does: no sink, an invalid one, two of one name.
    /// </summary>
    public static IReadOnlyList<SinkWorker> ForSinks(DateTime logicalStart, IEnumerable<SinkOptions> sinks) => ForSinks(logicalStart, sinks, null);

    /// <summary>
    /// As <see cref="ForSinks(DateTime, IEnumerable{SinkOptions})"/>, each sink going on as <paramref name="resume"/> says
    /// (matched by name; null: from the start) in a run replayed from a checkpoint: same chunk boundaries, names and
    /// counts as the sink that never stopped. A sink without a resume, or a resume without its sink, is an <see cref="ArgumentException"/>.
    /// </summary>
    public static IReadOnlyList<SinkWorker> ForSinks(DateTime logicalStart, IEnumerable<SinkOptions> sinks, IReadOnlyList<Checkpoints.SinkResume>? resume)
    {
        var list = SinkSet.Validate(sinks, nameof(sinks));
        var registry = new DestinationRegistry();
        var workers = list.ConvertAll(s => new SinkWorker(s, logicalStart, registry));
        if (resume is null)
        {
            return workers;
        }

        var names = workers.Select(w => w.Name).Order(StringComparer.Ordinal);
        if (!names.SequenceEqual(resume.Select(c => c.Sink).Order(StringComparer.Ordinal), StringComparer.Ordinal))
        {
            throw new ArgumentException(
                $"The resume holds sinks {string.Join(", ", resume.Select(c => c.Sink))}, but the run has {string.Join(", ", workers.Select(w => w.Name))}; resume with the sinks the checkpoint was taken with.",
                nameof(resume));
        }

        foreach (var worker in workers)
        {
            var checkpoint = resume.First(c => c.Sink == worker.Name);
            worker._batcher.Restore(checkpoint);
            worker._storer.Restore(checkpoint.Written);
        }

        return workers;
    }

    /// <summary>
    /// On the routing thread, between two records: the sink's counters, each destination's as far as its chunks have
    /// landed (batches queued or in flight count as pending: a restore stores them again), to go on from later
    /// (<see cref="Checkpoints.SinkResume.Between"/>). It waits for nothing.
    /// </summary>
    public Checkpoints.SinkCheckpoint Checkpoint()
    {
        var (published, dropped, destinations) = _batcher.Checkpoint();
        return new Checkpoints.SinkCheckpoint(Name, published, dropped, destinations.Sum(d => d.Written), destinations);
    }

    /// <summary>
    /// On the routing thread: routes and batches one record; a batch it fills joins the queue through the handoff,
    /// which may wait. Throws an <see cref="EgressException"/> naming the sink when its router fails or cannot place
    /// the record, or when the handoff refuses; an <see cref="OperationCanceledException"/> when the handoff's wait was
    /// cancelled.
    /// </summary>
    [MethodImpl(HotPath.Options)]
    public void Add(in SimRecord record)
    {
        try
        {
            _batcher.Add(in record);
        }
        catch (Exception e) when (e is not EgressException and not OperationCanceledException)
        {
            throw new EgressException(
                string.Create(CultureInfo.InvariantCulture, $"Sink '{Name}': its router failed on a record at t={SimTime.Format(record.SimTime, _logicalStart)}: {e.Message}"), e)
            { SinkName = Name };
        }
    }

    /// <summary>On the routing thread: every partly filled batch joins the queue (at the end).</summary>
    public void FlushAll() => _batcher.FlushAll();

    /// <summary>
    /// On the storing thread: encodes queued batches and starts their stores while fewer than
    /// <see cref="SinkOptions.MaxStoresInFlight"/> are in flight. Returns the oldest store's task (call
    /// <see cref="LandOldest"/> once it has completed), or null when none is in flight. Throws an
    /// <see cref="EgressException"/> naming the sink, the chunk and the store when a chunk cannot be encoded or its store
    /// cannot start.
    /// </summary>
    public Task? Pump(CancellationToken cancellationToken)
    {
        try
        {
            while (_storer.HasRoom && _batches.TryDequeue(out var batch))
            {
                Interlocked.Decrement(ref _queued);
                Handoff?.BatchTaken(this);
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
    /// On the storing thread: counts the oldest store, whose task has completed; throws an <see cref="EgressException"/>
    /// naming the sink, the chunk and the store when that store failed.
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

    /// <summary>
    /// On either thread once the other has stopped (a run abandoned without a drain): flushes, encodes and stores
    /// everything, waiting at most <see cref="SinkOptions.StallTimeout"/> for each store. False when a store did not
    /// finish in time; throws an <see cref="EgressException"/> when one failed.
    /// </summary>
    public bool WriteAll()
    {
        FlushAll();
        for (var oldest = Pump(CancellationToken.None); oldest is not null; oldest = Pump(CancellationToken.None))
        {
            if (!((IAsyncResult)oldest).AsyncWaitHandle.WaitOne(Options.StallTimeout))
            {
                return false;
            }

            LandOldest();
        }

        return true;
    }

    /// <summary>
    /// On either thread once the other has stopped, after the run was cancelled: starts no store, waits for those in
    /// flight (given the cancelled token, they end at once; at most <see cref="SinkOptions.StallTimeout"/> each) and
    /// counts those that landed. What is still queued or buffered is not written.
    /// </summary>
    public void Settle() => _storer.SettleAsync().GetAwaiter().GetResult();

    /// <summary>
    /// On either thread once the other has stopped, after a stall: counts the stores that have landed already, without
    /// waiting for the others.
    /// </summary>
    public void CountLanded() => _storer.CountLanded();

    /// <summary>The exception for a sink that stops because its run was cancelled while <paramref name="what"/>.</summary>
    public OperationCanceledException Cancelled(string what, CancellationToken cancellationToken) => _parts.Cancelled(what, cancellationToken);

    /// <summary>The report once everything is stored; throws an <see cref="EgressException"/> when a record is missing.</summary>
    /// <param name="blocked">Wall time the routing thread spent waiting for room, for the report.</param>
    public SinkReport Report(TimeSpan blocked) => _parts.Report(blocked);

    /// <summary>The counts so far, unchecked: after a failure, what was published, written, dropped and lost.</summary>
    /// <param name="blocked">Wall time the routing thread spent waiting for room, for the report.</param>
    public SinkReport Snapshot(TimeSpan blocked) => _parts.Snapshot(blocked);

    /// <summary>The error for a sink that made no progress for its stall timeout while <paramref name="what"/>.</summary>
    public EgressStalledException Stalled(string what) => _parts.Stalled(what);

    private void Queue(RecordBatch batch)
    {
        Handoff?.WaitForRoom(this);
        _batches.Enqueue(batch);
        Interlocked.Increment(ref _queued);
        Handoff?.BatchQueued(this);
    }
}
