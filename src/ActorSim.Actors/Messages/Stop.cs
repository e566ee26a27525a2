namespace ActorSim.Actors.Messages;

/// <summary>To the coordinator: end the run once the current round is reported, drain egress; the requester and the sender get <see cref="RunStopped"/>.</summary>
internal sealed record Stop : IActorSimMessage
{
    /// <summary>The one instance.</summary>
    public static Stop Instance { get; } = new();
}
