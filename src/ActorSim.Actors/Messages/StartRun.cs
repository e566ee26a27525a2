namespace ActorSim.Actors.Messages;

/// <summary>Requester to coordinator: start the lines and run; the sender gets <see cref="RunStarted"/>, then <see cref="RunCompleted"/>, <see cref="RunStopped"/> or <see cref="RunFailed"/>.</summary>
internal sealed record StartRun : IActorSimMessage
{
    /// <summary>The one instance.</summary>
    public static StartRun Instance { get; } = new();
}
