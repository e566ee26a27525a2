namespace ActorSim.Actors.Messages;

/// <summary>To the coordinator: go on after a <see cref="Pause"/>; the sender gets <see cref="RunResumed"/>.</summary>
/// <param name="RunId">The run it is for.</param>
internal sealed record Resume(string RunId) : IRunMessage;
