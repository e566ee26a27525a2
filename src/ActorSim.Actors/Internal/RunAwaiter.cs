using ActorSim.Actors.Messages;
using Akka.Actor;

namespace ActorSim.Actors.Internal;

/// <summary>The requester of a run on behalf of <see cref="ActorPlantRunner"/>: starts it and completes a task with its outcome.</summary>
internal sealed class RunAwaiter : ReceiveActor
{
    public RunAwaiter(IActorRef coordinator, TaskCompletionSource<IActorSimMessage> outcome)
    {
        Receive<RunStarted>(_ => { });
        Receive<RunCompleted>(m => Complete(outcome, m));
        Receive<RunStopped>(m => Complete(outcome, m));
        Receive<RunFailed>(m => Complete(outcome, m));
        Receive<Terminated>(_ => Complete(outcome, new RunFailed("The coordinator stopped without reporting an outcome.", null, double.NaN)));
        Context.Watch(coordinator);
        coordinator.Tell(StartRun.Instance);
    }

    private static void Complete(TaskCompletionSource<IActorSimMessage> outcome, IActorSimMessage message) => outcome.TrySetResult(message);

    public static Props Props(IActorRef coordinator, TaskCompletionSource<IActorSimMessage> outcome) =>
        Akka.Actor.Props.Create(() => new RunAwaiter(coordinator, outcome));
}
