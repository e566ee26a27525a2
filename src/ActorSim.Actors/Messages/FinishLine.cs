namespace ActorSim.Actors.Messages;

/// <summary>Coordinator to line: the run is over (or stopped); drain the line's egress and answer with <see cref="LineFinished"/>.</summary>
/// <param name="RunId">The run it is for.</param>
internal sealed record FinishLine(string RunId) : IRunMessage;
