using ActorSim.Actors.Messages;
using Akka.Actor;

namespace ActorSim.Actors.Internal;

/// <summary>The requester of a run on behalf of <see cref="ActorPlantRunner"/>: starts it and completes a task with its outcome.</summary>
internal sealed class RunAwaiter : UntypedActor
{
    private readonly TaskCompletionSource<IActorSimMessage> _outcome;

    public RunAwaiter(IActorRef coordinator, TaskCompletionSource<IActorSimMessage> outcome)
    {
        _outcome = outcome;
        Context.Watch(coordinator);
        coordinator.Tell(StartRun.Instance);
    }

    public static Props Props(IActorRef coordinator, TaskCompletionSource<IActorSimMessage> outcome) =>
        Akka.Actor.Props.CreateBy(new ActorFactory<RunAwaiter>(() => new RunAwaiter(coordinator, outcome)));

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
                _outcome.TrySetResult(new RunFailed("The coordinator stopped without reporting an outcome.", null, double.NaN));
                break;
            default:
                Unhandled(message);
                break;
        }
    }
}
