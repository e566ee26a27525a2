using ActorSim.Actors.Messages;
using Akka.Actor;

namespace ActorSim.Actors.Internal;

/// <summary>
/// The requester of a run on behalf of its <see cref="RunHandle"/>: starts the run, completes <c>outcome</c> with its
/// outcome and <c>ended</c> once the coordinator (and so every actor of the run) has terminated, then stops.
/// </summary>
internal sealed class RunAwaiter : UntypedActor
{
    private readonly string _runId;
    private readonly TaskCompletionSource<IActorSimMessage> _outcome;
    private readonly TaskCompletionSource _ended;

    public RunAwaiter(string runId, IActorRef coordinator, TaskCompletionSource<IActorSimMessage> outcome, TaskCompletionSource ended)
    {
        _runId = runId;
        _outcome = outcome;
        _ended = ended;
        Context.Watch(coordinator);
        coordinator.Tell(new StartRun(runId));
    }

    public static Props Props(string runId, IActorRef coordinator, TaskCompletionSource<IActorSimMessage> outcome, TaskCompletionSource ended) =>
        Akka.Actor.Props.CreateBy(new ActorFactory<RunAwaiter>(() => new RunAwaiter(runId, coordinator, outcome, ended)));

    protected override void OnReceive(object message)
    {
        switch (message)
        {
            case RunStarted:
                break;
            case RunCompleted or RunStopped or RunFailed:
                _outcome.TrySetResult((IActorSimMessage)message);
                break;
            case Terminated:
                _outcome.TrySetResult(new RunFailed(_runId, "The coordinator stopped without reporting an outcome.", null, double.NaN));
                _ended.TrySetResult();
                Context.Stop(Self);
                break;
            default:
                Unhandled(message);
                break;
        }
    }

    protected override void PostStop()
    {
        // Also when the system terminates under a run: whoever awaits the run is not left hanging.
        _outcome.TrySetResult(new RunFailed(_runId, "The actor system terminated before the run ended.", null, double.NaN));
        _ended.TrySetResult();
    }
}
