namespace ActorSim.Actors.Messages;

/// <summary>
/// Coordinator to a line running a grant: stop at the end of the current slice and report where you are (the run is
/// being paused or stopped). A line that is not running a grant ignores it.
/// </summary>
/// <param name="RunId">The run it is for.</param>
internal sealed record Curtail(string RunId) : IRunMessage;
