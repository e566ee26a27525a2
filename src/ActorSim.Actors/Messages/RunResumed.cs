namespace ActorSim.Actors.Messages;

/// <summary>Coordinator to the sender of <see cref="Resume"/>: grants go out again.</summary>
/// <param name="RunId">The run this is about.</param>
/// <param name="Round">Rounds completed so far.</param>
internal sealed record RunResumed(string RunId, long Round) : IRunMessage;
