namespace ActorSim.Actors.Messages;

/// <summary>Coordinator to line: the run is over (or stopped); drain the line's egress and answer with <see cref="LineFinished"/>.</summary>
internal sealed record FinishLine : IActorSimMessage
{
    /// <summary>The one instance.</summary>
    public static FinishLine Instance { get; } = new();
}
