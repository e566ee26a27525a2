using ActorSim.Egress;
using Akka.Actor;
using Akka.Event;

namespace ActorSim.Actors.Internal;

/// <summary>
/// One sink of one line, on the egress dispatcher: takes in the blocks the line hands over (routing and batching them),
/// encodes chunks and keeps their stores in flight (a <see cref="SinkWorker"/>), and returns a credit per block taken
/// in. While its batches wait on slow stores it takes nothing in, so the line runs out of credits and waits: a slow
/// sink slows its line, and memory stays bounded. On <see cref="DrainSink"/> it writes everything and answers
/// <see cref="SinkDrained"/> with the accounting. A failure (router, encoder, store, a store silent for the stall
/// timeout) is put in the feed, where the line finds it at its next hand-over, and answered at the drain.
/// </summary>
internal sealed class EgressActor : UntypedActor
{
    private readonly SinkFeed _feed;
    private readonly SinkWorker _worker;
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private Task? _awaited;
    private IActorRef? _drainFor;
    private bool _flushed;
    private bool _done;

    private EgressActor(SinkFeed feed)
    {
        _feed = feed;
        _worker = feed.Worker;
    }

    public static Props Props(SinkFeed feed) =>
        Akka.Actor.Props.CreateBy(new ActorFactory<EgressActor>(() => new EgressActor(feed))).WithDispatcher(ActorRunnerSettings.EgressDispatcherId);

    protected override void OnReceive(object message)
    {
        if (_done)
        {
            if (message is DrainSink)
            {
                Sender.Tell(new SinkDrained(_worker.Name, null, _feed.Fault?.Message ?? "the sink was drained before"));
            }

            return;
        }

        try
        {
            switch (message)
            {
                case BlocksWaiting:
                    TakeIn();
                    break;
                case StoreLanded:
                    Landed();
                    break;
                case DrainSink:
                    _drainFor = Sender;
                    TakeIn();
                    break;
                default:
                    Unhandled(message);
                    return;
            }

            if (_drainFor is not null)
            {
                FinishDrain();
            }
        }
        catch (EgressException e)
        {
            Fail(e);
        }
    }

    /// <summary>Stopped before its drain (a failed or abandoned run): still writes what the line handed over, as far as the stores go.</summary>
    protected override void PostStop()
    {
        if (_done)
        {
            return;
        }

        try
        {
            while (true)
            {
                TakeInWhileRoom();
                if (_feed.Inbox.IsEmpty && !_flushed)
                {
                    _worker.FlushAll();
                    _flushed = true;
                }

                var oldest = _worker.Pump(CancellationToken.None);
                if (oldest is null)
                {
                    if (_feed.Inbox.IsEmpty)
                    {
                        return;
                    }

                    continue;
                }

                if (!((IAsyncResult)oldest).AsyncWaitHandle.WaitOne(_worker.Options.StallTimeout))
                {
                    _log.Warning("Sink {Sink}: a chunk's store did not finish within {Seconds} s after the run stopped; {Records} records written",
                        _worker.Name, _worker.Options.StallTimeout.TotalSeconds, _worker.Written);
                    return;
                }

                _worker.LandOldest();
            }
        }
        catch (EgressException e)
        {
            _log.Warning("Sink {Sink}: writing after the run stopped failed: {Reason}", _worker.Name, e.Message);
        }
    }

    private void TakeIn()
    {
        TakeInWhileRoom();
        Pump();
    }

    private void TakeInWhileRoom()
    {
        while (!_worker.IsSaturated && _feed.Inbox.TryDequeue(out var block))
        {
            try
            {
                _worker.Add(block.Span);
            }
            finally
            {
                block.Release();
                _feed.ReturnCredit();
            }
        }
    }

    private void Pump()
    {
        var oldest = _worker.Pump(CancellationToken.None);
        if (oldest is null || _awaited is not null)
        {
            return;
        }

        // One wait at a time, on the oldest store: stores are counted in the order they started.
        _awaited = oldest;
        var self = Self;
        oldest.WaitAsync(_worker.Options.StallTimeout).ContinueWith(
            static (waited, target) =>
            {
                // Observed here; the store's own failure is rethrown by LandOldest, a timeout is judged by Landed.
                _ = waited.Exception;
                ((IActorRef)target!).Tell(StoreLanded.Instance);
            },
            self, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    private void Landed()
    {
        var awaited = _awaited!;
        _awaited = null;
        if (!awaited.IsCompleted)
        {
            throw _worker.Stalled("a chunk's store did not finish");
        }

        _worker.LandOldest();
        TakeIn();
    }

    private void FinishDrain()
    {
        if (!_feed.Inbox.IsEmpty)
        {
            return;
        }

        if (!_flushed)
        {
            _worker.FlushAll();
            _flushed = true;
            Pump();
        }

        if (!_worker.IsIdle)
        {
            return;
        }

        _done = true;
        _drainFor!.Tell(new SinkDrained(_worker.Name, _worker.Report(_feed.Blocked), null));
    }

    private void Fail(EgressException e)
    {
        _done = true;
        _feed.Fault ??= e;
        _log.Error("Sink {Sink} failed: {Reason}", _worker.Name, e.Message);
        _drainFor?.Tell(new SinkDrained(_worker.Name, null, e.Message));
    }
}
