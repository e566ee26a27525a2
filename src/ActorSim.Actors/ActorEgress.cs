using ActorSim.Actors.Internal;
using ActorSim.Egress;
using ActorSim.Egress.Checkpoints;
using ActorSim.Egress.Destinations;
using ActorSim.Egress.Reports;
using ActorSim.Model.Records;
using Akka.Actor;

namespace ActorSim.Actors;

/// <summary>
/// A line's way out through egress actors: give one per line as the <c>sinkFor</c> of an
/// <see cref="ActorPlantRunner"/> (<see cref="PerLineEgress.SinkFor"/> does). Its line actor starts one egress actor
/// per sink, on the egress dispatcher. The line routes each record and fills its batches (the sink's router and
/// batching, on the line's thread: each record is copied once, into its batch); a full batch spends one of the sink's
/// <see cref="SinkOptions.MaxQueuedBatches"/> credits and goes to the egress actor, which encodes it, stores it and
/// gives the credit back. Out of credits, the line waits — a slow sink slows its line — and a sink that gives none
/// back for its stall timeout fails the line. At the end the line drains the actors, and <see cref="Completion"/>
/// gives the accounting. Once the run's cancellation token is cancelled, the line's wait for a credit ends with an
/// <see cref="OperationCanceledException"/>, the stores in flight are cancelled (a chunk is stored whole or not at all)
/// and nothing more is stored.
/// </summary>
public sealed class ActorEgress : ILineEgress
{
    private readonly SinkFeed[] _feeds;
    private readonly CancellationToken _cancellation;
    private readonly TaskCompletionSource<EgressReport> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<SinkDrained> _drained = [];
    private bool _attached;
    private long _published;
    private double _lastSimTime;

    /// <summary>Egress for one line to <paramref name="sinks"/>, timestamps counting from <paramref name="logicalStart"/> (as <see cref="EgressPipeline"/>).</summary>
    /// <exception cref="ArgumentException">No sink, an invalid one, or two with one name.</exception>
    public ActorEgress(DateTime logicalStart, IEnumerable<SinkOptions> sinks)
        : this(logicalStart, sinks, CancellationToken.None)
    {
    }

    /// <summary>As <see cref="ActorEgress(DateTime, IEnumerable{SinkOptions})"/>, stopped early by the run's <paramref name="cancellationToken"/>.</summary>
    /// <exception cref="ArgumentException">No sink, an invalid one, or two with one name.</exception>
    public ActorEgress(DateTime logicalStart, IEnumerable<SinkOptions> sinks, CancellationToken cancellationToken)
        : this(logicalStart, sinks, cancellationToken, null)
    {
    }

    /// <summary>
    /// As <see cref="ActorEgress(DateTime, IEnumerable{SinkOptions}, CancellationToken)"/>, each sink going on as
    /// <paramref name="resume"/> says (a line replayed from a checkpoint: same chunk boundaries, names and counts).
    /// </summary>
    /// <exception cref="ArgumentException">No sink, an invalid one, two with one name, or a resume of other sinks.</exception>
    public ActorEgress(DateTime logicalStart, IEnumerable<SinkOptions> sinks, CancellationToken cancellationToken, IReadOnlyList<SinkResume>? resume)
    {
        _cancellation = cancellationToken;
        _feeds = SinkWorker.ForSinks(logicalStart, sinks, resume).Select(w => new SinkFeed(w, cancellationToken)).ToArray();
        foreach (var feed in _feeds)
        {
            feed.Worker.Handoff = feed;
        }
    }

    /// <summary>
    /// Whether a line stopped from outside before its drain (its run failed or its coordinator was lost) still stores
    /// what its batches hold (default true). False for a line of a run restored from checkpoints: a later restore
    /// rewrites those chunks whole, and a late store of a partly filled batch would overwrite one of them.
    /// </summary>
    public bool StoresAfterStop { get; init; } = true;

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

    /// <summary>The accounting its line reported when it drained the egress actors at the end of the run (<see cref="Completion"/>).</summary>
    public Task<EgressReport> CompleteAsync() => Completion;

    /// <summary>
    /// The counts so far per sink — published, written, dropped, not written — without the check <see cref="Completion"/>
    /// makes: after a failed run, what the line lost. Read it once the run has ended (its actors have stopped).
    /// </summary>
    public EgressReport Snapshot() => new(Array.ConvertAll(_feeds, f => f.Worker.Snapshot(f.Blocked)));

    /// <summary>Records stored so far over all sinks; readable from any thread.</summary>
    internal long Written => _feeds.Sum(f => f.Worker.Written);

    /// <summary>A snapshot per sink, in the order given: records written, batches waiting for the encoder, time the line waited.</summary>
    public IReadOnlyList<SinkProgress> Progress() =>
        Array.ConvertAll(_feeds, f => new SinkProgress(f.Worker.Name, f.Worker.Written, f.Worker.QueuedBatches, f.Blocked));

    /// <summary>Routes and batches the record for every sink; a full batch goes to its egress actor (may wait for a credit).</summary>
    /// <exception cref="EgressException">A sink's router failed, or a sink failed or stalled.</exception>
    /// <exception cref="InvalidOperationException">No line actor started the egress actors (the egress is used elsewhere).</exception>
    public void Publish(in SimRecord record)
    {
        if (!_attached)
        {
            throw new InvalidOperationException(
                "ActorEgress feeds egress actors that a line actor starts: pass it to ActorPlantRunner (PerLineEgress.SinkFor); elsewhere use an EgressPipeline.");
        }

        var feeds = _feeds;
        for (var i = 0; i < feeds.Length; i++)
        {
            feeds[i].Worker.Add(in record);
        }

        Volatile.Write(ref _published, _published + 1);
        Volatile.Write(ref _lastSimTime, record.SimTime);
    }

    /// <summary>Starts the line's egress actors as children of <paramref name="line"/>; once, before the first record.</summary>
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

    /// <summary>
    /// Queues every partly filled batch and asks every egress actor to store everything; each answers
    /// <see cref="SinkDrained"/> to <paramref name="line"/>. Throws an <see cref="EgressException"/> when a sink failed.
    /// </summary>
    internal void Drain(IActorRef line)
    {
        // Cancelled: nothing more is stored; the actors only wait for their stores in flight.
        foreach (var feed in _cancellation.IsCancellationRequested ? [] : _feeds)
        {
            feed.Worker.FlushAll();
        }

        foreach (var feed in _feeds)
        {
            feed.Actor.Tell(DrainSink.Instance, line);
        }
    }

    /// <summary>
    /// After the line failed: queues every partly filled batch of the sinks that have not failed, without waiting for
    /// credits (a full queue must not hold up the failure report); the egress actors store them.
    /// </summary>
    internal void FlushAfterFailure()
    {
        if (_cancellation.IsCancellationRequested)
        {
            // A cancelled run stores nothing more.
            return;
        }

        foreach (var feed in _feeds.Where(f => f.Fault is null))
        {
            feed.Unbound();
            feed.Worker.FlushAll();
        }
    }

    /// <summary>
    /// On the line's thread once its egress actors have stopped without a drain (a failed or abandoned run): stores
    /// what the sinks that have not failed still hold, waiting at most their stall timeout per store. Returns a line
    /// per sink that could not finish. After a cancellation, or when it does not store after a stop
    /// (<see cref="StoresAfterStop"/>) and its line did not fail itself, it stores nothing and only waits for the stores in flight.
    /// </summary>
    /// <param name="lineFailed">True when the line failed itself (its own error, not its run's or its coordinator's end).</param>
    internal IReadOnlyList<string> WriteAfterStop(bool lineFailed)
    {
        if (_cancellation.IsCancellationRequested || (!StoresAfterStop && !lineFailed))
        {
            // A cancelled run writes nothing more: the stores in flight, cancelled, end before the run does.
            foreach (var feed in _feeds)
            {
                feed.Worker.Settle();
            }

            return [];
        }

        var problems = new List<string>();
        foreach (var feed in _feeds.Where(f => f.Fault is null))
        {
            feed.Unbound();
            try
            {
                if (!feed.Worker.WriteAll())
                {
                    problems.Add($"sink {feed.Worker.Name}: a store did not finish within {feed.Worker.Options.StallTimeout.TotalSeconds} s");
                }
            }
            catch (EgressException e)
            {
                problems.Add(e.Message);
            }
        }

        return problems;
    }

    /// <summary>On the line's thread between grants: every sink's counters, chunks as far as they have landed, as bytes (<see cref="EgressCheckpointCodec"/>).</summary>
    internal byte[] Checkpoint() => EgressCheckpointCodec.Write(Array.ConvertAll(_feeds, f => f.Worker.Checkpoint()));

    /// <summary>
    /// After <see cref="Checkpoint"/>: the chunks the sinks stored since the last call, where their chunk logs keep them
    /// (<see cref="ChunkQueue"/>); at least those the checkpoint counts (a chunk landing between the two is in both this
    /// list and a restore's output, which stores it again: the same bytes).
    /// </summary>
    internal ManifestChunk[] TakeStoredChunks() =>
        [.. _feeds.Select(f => f.Worker.Options.ChunkLog).OfType<ChunkQueue>().Distinct().SelectMany(q => q.TakeNew())];

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

    /// <summary>Ends <see cref="Completion"/> with an <see cref="EgressException"/> saying why (no-op once it is set).</summary>
    internal void Fail(string reason) => _completion.TrySetException(new EgressException(reason));
}
