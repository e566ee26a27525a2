using System.Collections.Concurrent;
using System.Diagnostics;
using ActorSim.Egress;
using Akka.Actor;

namespace ActorSim.Actors.Internal;

/// <summary>
/// The way from one line to one of its egress actors: the blocks handed over and not yet taken in, and the credits
/// that bound them. The line spends a credit per block and waits while it has none (that wait is the backpressure,
/// timed for the reports); the actor returns one per block it has taken in. The blocks wait here rather than in the
/// actor's mailbox so that an actor stopped before its drain (a failed run) still writes what it was handed.
/// </summary>
internal sealed class SinkFeed(SinkWorker worker, int credits)
{
    private static readonly TimeSpan FaultPoll = TimeSpan.FromMilliseconds(50);
    private readonly SemaphoreSlim _credits = new(credits);
    private long _blockedTicks;
    private volatile EgressException? _fault;

    public SinkWorker Worker => worker;

    /// <summary>Blocks handed over, oldest first.</summary>
    public ConcurrentQueue<RecordBlock> Inbox { get; } = new();

    /// <summary>The egress actor; set once when the line starts it.</summary>
    public IActorRef Actor { get; set; } = ActorRefs.Nobody;

    /// <summary>Why the sink failed, once it has: the line throws it at its next hand-over.</summary>
    public EgressException? Fault
    {
        get => _fault;
        set => _fault = value;
    }

    /// <summary>Wall time the line has waited for credits so far; readable from any thread.</summary>
    public TimeSpan Blocked => Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _blockedTicks));

    /// <summary>On the line's thread: spends a credit (waiting for one, up to the stall timeout) and hands the block over.</summary>
    public void Hand(RecordBlock block)
    {
        ThrowIfFaulted();
        if (!_credits.Wait(0))
        {
            WaitForCredit();
        }

        Inbox.Enqueue(block);
        Actor.Tell(BlocksWaiting.Instance);
    }

    /// <summary>
    /// On the line's thread, after it failed: hands the block over without spending a credit (a sink that failed
    /// releases it unread). The credit the actor gives back for it lifts the count above its start, which no longer matters.
    /// </summary>
    public void HandWithoutCredit(RecordBlock block)
    {
        if (_fault is not null)
        {
            block.Release();
            return;
        }

        Inbox.Enqueue(block);
        Actor.Tell(BlocksWaiting.Instance);
    }

    /// <summary>On the actor's thread: a block was taken in.</summary>
    public void ReturnCredit() => _credits.Release();

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

                if (_credits.Wait(remaining < FaultPoll ? remaining : FaultPoll))
                {
                    return;
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
