namespace ActorSim.Actors.Messages;

/// <summary>
/// Coordinator to a line running a grant: stop at the end of the current slice and report where you are (the run is
/// being paused or stopped). A line that is not running a grant ignores it.
/// </summary>
internal sealed record Curtail : IActorSimMessage
{
    /// <summary>The one instance.</summary>
    public static Curtail Instance { get; } = new();
}
