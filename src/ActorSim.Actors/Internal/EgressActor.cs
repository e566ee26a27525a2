using ActorSim.Egress;
using Akka.Actor;
using Akka.Event;

namespace ActorSim.Actors.Internal;

/// <summary>
/// One sink of one line, on the egress dispatcher: encodes the batches its line's records were routed into and keeps
/// their stores in flight (the storing half of a <see cref="SinkWorker"/>), returning a credit for each batch it takes.
/// While its stores are slow it takes none, so its line runs out of credits and waits: a slow sink slows its line,
/// and memory stays bounded. On <see cref="DrainSink"/> it stores everything and answers <see cref="SinkDrained"/>
/// with the accounting. A failure (encoder, store, a store silent for the stall timeout) is put in the feed, where the
/// line finds it at its next batch, and answered at the drain; the stores still in flight then are waited for first, so
/// that a chunk that lands after the failure is counted and in the manifest.
/// </summary>
internal sealed class EgressActor : UntypedActor
{
    private readonly SinkFeed _feed;
    private readonly SinkWorker _worker;
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private Task? _awaited;
    private IActorRef? _drainFor;
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

        if (_feed.Cancellation.IsCancellationRequested && message is DrainSink or BatchesWaiting or StoreLanded)
        {
            // Cancelled: nothing more is stored; the drain, asked now or before, gets its answer once the stores end.
            _drainFor ??= message is DrainSink ? Sender : null;
            if (_drainFor is not null)
            {
                Cancelled(_drainFor);
            }

            return;
        }

        try
        {
            switch (message)
            {
                case BatchesWaiting:
                    Pump();
                    break;
                case StoreLanded:
                    Landed();
                    break;
                case DrainSink:
                    _drainFor = Sender;
                    Pump();
                    break;
                default:
                    Unhandled(message);
                    return;
            }

            if (_drainFor is not null && _worker.IsIdle)
            {
                _done = true;
                _drainFor.Tell(new SinkDrained(_worker.Name, _worker.Report(_feed.Blocked), null));
            }
        }
        catch (EgressException e)
        {
            Fail(e);
        }
    }

    /// <summary>The run was cancelled: waits for the stores in flight (cancelled, they end at once) and answers the drain.</summary>
    private void Cancelled(IActorRef drainFor)
    {
        _done = true;
        _worker.Settle();
        drainFor.Tell(new SinkDrained(_worker.Name, null, _worker.Cancelled("at the drain", _feed.Cancellation).Message));
    }

    /// <summary>Encodes what waits while stores have room, and waits for the oldest store (one wait at a time: stores count in order).</summary>
    private void Pump()
    {
        var oldest = _worker.Pump(_feed.Cancellation);
        if (oldest is null || _awaited is not null)
        {
            return;
        }

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
        Pump();
    }

    private void Fail(EgressException e)
    {
        _done = true;
        _feed.Fault ??= e;
        // Stores started before the failure may still land (a chunk can fail while an older one is being stored): wait
        // for them here, at most the stall timeout each, so that they are counted and logged before the run reports.
        // After a stall the oldest store hangs: waiting again would double the stall, so only those landed count.
        if (e is EgressStalledException)
        {
            _worker.CountLanded();
        }
        else
        {
            _worker.Settle();
        }

        // The line fails with this error and the run reports it: logged at Info only.
        _log.Info("Sink {Sink} failed: {Reason}", _worker.Name, e.Message);
        _drainFor?.Tell(new SinkDrained(_worker.Name, null, e.Message));
    }
}
