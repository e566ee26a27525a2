namespace ActorSim.Actors.Messages;

/// <summary>To the coordinator: where is the run now? The sender gets <see cref="RunProgress"/>.</summary>
internal sealed record GetProgress : IActorSimMessage
{
    /// <summary>The one instance.</summary>
    public static GetProgress Instance { get; } = new();
}
