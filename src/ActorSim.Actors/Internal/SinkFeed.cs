using System.Diagnostics;
using ActorSim.Egress;
using Akka.Actor;

namespace ActorSim.Actors.Internal;

/// <summary>
/// The way from one line to one of its egress actors: credits for the sink's batch queue. The line spends a credit per
/// full batch and waits while it has none (that wait is the backpressure, timed for the reports); the actor returns one
/// per batch it takes to its encoder. The batches wait in the sink's queue rather than in the actor's mailbox, so that
/// the line can still write them when its actor was stopped before a drain (a failed run). The run's cancellation ends
/// the wait for a credit at once.
/// </summary>
internal sealed class SinkFeed(SinkWorker worker, CancellationToken cancellation) : IBatchHandoff
{
    private static readonly TimeSpan FaultPoll = TimeSpan.FromMilliseconds(50);

    // No maximum: after a failure, batches are queued without credits and their credits come back all the same.
    private readonly SemaphoreSlim _credits = new(worker.Options.MaxQueuedBatches);
    private long _blockedTicks;
    private volatile EgressException? _fault;
    private volatile bool _unbounded;

    public SinkWorker Worker => worker;

    /// <summary>The run's cancellation: it ends the line's waits and the sink's stores.</summary>
    public CancellationToken Cancellation => cancellation;

    /// <summary>The egress actor; set once when the line starts it.</summary>
    public IActorRef Actor { get; set; } = ActorRefs.Nobody;

    /// <summary>Why the sink failed, once it has: the line throws it at its next batch.</summary>
    public EgressException? Fault
    {
        get => _fault;
        set => _fault = value;
    }

    /// <summary>Wall time the line has waited for credits so far; readable from any thread.</summary>
    public TimeSpan Blocked => Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _blockedTicks));

    /// <summary>After the line failed: batches join the queue without credits, so that nothing holds up the failure.</summary>
    public void Unbound() => _unbounded = true;

    /// <summary>On the line's thread: spends a credit, waiting for one up to the stall timeout; throws the sink's failure.</summary>
    public void WaitForRoom(SinkWorker sink)
    {
        if (_unbounded)
        {
            return;
        }

        ThrowIfFaulted();
        if (!_credits.Wait(0))
        {
            WaitForCredit();
        }
    }

    /// <summary>On the line's thread: wakes the egress actor.</summary>
    public void BatchQueued(SinkWorker sink) => Actor.Tell(BatchesWaiting.Instance);

    /// <summary>On the actor's thread: a batch went to the encoder; its credit goes back.</summary>
    public void BatchTaken(SinkWorker sink) => _credits.Release();

    private void WaitForCredit()
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            while (true)
            {
                ThrowIfFaulted();
                var remaining = worker.Options.StallTimeout - Stopwatch.GetElapsedTime(started);
                if (remaining <= TimeSpan.Zero)
                {
                    var stalled = worker.Stalled("its queue stayed full");
                    Fault ??= stalled;
                    throw stalled;
                }

                try
                {
                    if (_credits.Wait(remaining < FaultPoll ? remaining : FaultPoll, cancellation))
                    {
                        return;
                    }
                }
                catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
                {
                    throw worker.Cancelled("waiting for a credit", cancellation);
                }
            }
        }
        finally
        {
            Interlocked.Add(ref _blockedTicks, Stopwatch.GetTimestamp() - started);
        }
    }

    private void ThrowIfFaulted()
    {
        if (_fault is { } fault)
        {
            throw new EgressException(fault.Message, fault) { SinkName = fault.SinkName, RecordsNotWritten = fault.RecordsNotWritten };
        }
    }
}
