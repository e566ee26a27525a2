namespace ActorSim.Actors.Messages;

/// <summary>To the coordinator: hold the run once the current round is reported; the sender gets <see cref="RunPaused"/>.</summary>
internal sealed record Pause : IActorSimMessage
{
    /// <summary>The one instance.</summary>
    public static Pause Instance { get; } = new();
}
