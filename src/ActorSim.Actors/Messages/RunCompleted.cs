namespace ActorSim.Actors.Messages;

/// <summary>Coordinator to requester: every line reached the end time and its egress is drained.</summary>
/// <param name="RunId">The run this is about.</param>
/// <param name="Stats">What the run did.</param>
internal sealed record RunCompleted(string RunId, ActorRunStats Stats) : IRunMessage;
