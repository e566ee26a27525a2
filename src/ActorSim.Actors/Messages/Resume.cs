namespace ActorSim.Actors.Messages;

/// <summary>To the coordinator: go on after a <see cref="Pause"/>; the sender gets <see cref="RunResumed"/>.</summary>
internal sealed record Resume : IActorSimMessage
{
    /// <summary>The one instance.</summary>
    public static Resume Instance { get; } = new();
}
