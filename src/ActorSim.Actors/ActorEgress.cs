using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using ActorSim.Actors.Internal;
using ActorSim.Egress;
using ActorSim.Egress.Reports;
using ActorSim.Model.Records;
using Akka.Actor;

namespace ActorSim.Actors;

/// <summary>
/// A line's records on their way to egress actors: give one per line as the <c>sinkFor</c> of an
/// <see cref="ActorPlantRunner"/> (<see cref="PerLineEgress.SinkFor"/> does). Its line actor starts one egress actor
/// per sink, on the egress dispatcher, which routes, batches, encodes and stores. The line copies each record into a
/// block of at most <see cref="MaxBlockSize"/> and hands full blocks over (and what it holds at the end of each
/// slice), spending one credit per block and sink; out of credits, it waits — a slow sink slows its line — and a
/// sink that gives none back for its stall timeout fails the line. At the end the line drains the actors, and
/// <see cref="Completion"/> gives the accounting.
/// </summary>
public sealed class ActorEgress : IRecordSink
{
    /// <summary>
    /// Records per block handed to the egress actors at most; less when a sink queues fewer
    /// (<see cref="SinkOptions.BatchSize"/> × <see cref="SinkOptions.MaxQueuedBatches"/>), so that the records a line
    /// may have handed over stay within a few times what its sinks may queue.
    /// </summary>
    public const int MaxBlockSize = 1024;

    /// <summary>
    /// Blocks a line may have handed to one sink that the sink has not taken in yet, at least: more when the sink may
    /// queue more records (<see cref="SinkOptions.BatchSize"/> × <see cref="SinkOptions.MaxQueuedBatches"/>), so that
    /// the line is held back only when the sink is that far behind, as with an <see cref="EgressPipeline"/>.
    /// </summary>
    public const int MinCreditsPerSink = 4;

    private readonly SinkFeed[] _feeds;
    private readonly ConcurrentBag<RecordBlock> _blocks = [];
    private readonly TaskCompletionSource<EgressReport> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<SinkDrained> _drained = [];
    private readonly int _blockSize;
    private RecordBlock _block;
    private bool _attached;
    private long _published;
    private double _lastSimTime;

    /// <summary>Egress for one line to <paramref name="sinks"/>, timestamps counting from <paramref name="logicalStart"/> (as <see cref="EgressPipeline"/>).</summary>
    /// <exception cref="ArgumentException">No sink, an invalid one, or two with one name.</exception>
    public ActorEgress(DateTime logicalStart, IEnumerable<SinkOptions> sinks)
    {
        var workers = SinkWorker.ForSinks(logicalStart, sinks);
        _blockSize = (int)Math.Min(MaxBlockSize, workers.Min(w => QueuedRecords(w.Options)));
        _feeds = workers.Select(w => new SinkFeed(w, (int)Math.Max(MinCreditsPerSink, QueuedRecords(w.Options) / _blockSize))).ToArray();
        _block = RentBlock();
    }

    /// <summary>Records published so far; readable from any thread (for progress).</summary>
    public long Published => Volatile.Read(ref _published);

    /// <summary>Simulated time of the last record published (0 before the first); readable from any thread.</summary>
    public double LastSimTime => Volatile.Read(ref _lastSimTime);

    /// <summary>Wall time the line has waited for credits so far, summed over sinks; readable from any thread.</summary>
    public TimeSpan PublishBlocked => _feeds.Aggregate(TimeSpan.Zero, (sum, f) => sum + f.Blocked);

    /// <summary>
    /// The accounting once the line has drained its egress actors: every record written or dropped by a router. Faults
    /// with an <see cref="EgressException"/> naming the sink when a sink failed, or when the line stopped before draining.
    /// </summary>
    public Task<EgressReport> Completion => _completion.Task;

    /// <summary>A snapshot per sink, in the order given: records written, batches waiting for the encoder, time the line waited.</summary>
    public IReadOnlyList<SinkProgress> Progress() =>
        Array.ConvertAll(_feeds, f => new SinkProgress(f.Worker.Name, f.Worker.Written, f.Worker.QueuedBatches, f.Blocked));

    /// <summary>Copies the record into the current block; hands the block over when it is full (may wait for a credit).</summary>
    /// <exception cref="EgressException">A sink failed or stalled.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Publish(in SimRecord record)
    {
        var block = _block;
        block.Records[block.Count++] = record;
        Volatile.Write(ref _published, _published + 1);
        Volatile.Write(ref _lastSimTime, record.SimTime);
        if (block.IsFull)
        {
            Hand();
        }
    }

    /// <summary>Starts the line's egress actors as children of <paramref name="line"/>; once, before any block is handed over.</summary>
    internal void Attach(IActorContext line)
    {
        if (_attached)
        {
            throw new InvalidOperationException("This ActorEgress already feeds a line; give each line an ActorEgress of its own.");
        }

        for (var i = 0; i < _feeds.Length; i++)
        {
            _feeds[i].Actor = line.ActorOf(EgressActor.Props(_feeds[i]), "egress-" + i.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        _attached = true;
    }

    /// <summary>Hands over the records of the current block, if any (the line does at the end of each turn).</summary>
    /// <exception cref="EgressException">A sink failed or stalled.</exception>
    internal void Flush()
    {
        if (_block.Count > 0)
        {
            Hand();
        }
    }

    /// <summary>
    /// After the line failed: hands over what the current block holds to every sink that has not failed, without
    /// waiting for a credit (the run is ending; a full feed must not hold up the failure report).
    /// </summary>
    internal void FlushAfterFailure()
    {
        if (_block.Count > 0 && _attached)
        {
            Hand(afterFailure: true);
        }
    }

    /// <summary>Asks every egress actor to write everything; each answers <see cref="SinkDrained"/> to <paramref name="line"/>.</summary>
    internal void Drain(IActorRef line)
    {
        foreach (var feed in _feeds)
        {
            feed.Actor.Tell(DrainSink.Instance, line);
        }
    }

    /// <summary>Takes one sink's answer; true once every sink answered (then <see cref="Completion"/> is set).</summary>
    internal bool Drained(SinkDrained drained)
    {
        _drained.Add(drained);
        if (_drained.Count < _feeds.Length)
        {
            return false;
        }

        var errors = _drained.Where(d => d.Error is not null).Select(d => d.Error!).ToList();
        if (errors.Count > 0)
        {
            Fail(string.Join(Environment.NewLine, errors));
        }
        else
        {
            var bySink = _drained.ToDictionary(d => d.Sink, d => d.Report!, StringComparer.Ordinal);
            _completion.TrySetResult(new EgressReport(_feeds.Select(f => bySink[f.Worker.Name]).ToList()));
        }

        return true;
    }

    /// <summary>Records stored so far over all sinks.</summary>
    internal long Written => _feeds.Sum(f => f.Worker.Written);

    /// <summary>Ends <see cref="Completion"/> with an <see cref="EgressException"/> saying why (no-op once it is set).</summary>
    internal void Fail(string reason) => _completion.TrySetException(new EgressException(reason));

    private void Hand(bool afterFailure = false)
    {
        if (!_attached)
        {
            throw new InvalidOperationException(
                "ActorEgress feeds egress actors that a line actor starts: pass it to ActorPlantRunner (PerLineEgress.SinkFor); elsewhere use an EgressPipeline.");
        }

        var block = _block;
        _block = RentBlock();
        block.HandTo(_feeds.Length);
        foreach (var feed in _feeds)
        {
            if (afterFailure)
            {
                feed.HandWithoutCredit(block);
            }
            else
            {
                feed.Hand(block);
            }
        }
    }

    private static long QueuedRecords(SinkOptions sink) => (long)sink.BatchSize * sink.MaxQueuedBatches;

    private RecordBlock RentBlock() => _blocks.TryTake(out var block) ? block : new RecordBlock(_blocks, _blockSize);
}
