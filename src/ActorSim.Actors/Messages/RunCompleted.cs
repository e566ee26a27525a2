namespace ActorSim.Actors.Messages;

/// <summary>Coordinator to requester: every line reached the end time and its egress is drained.</summary>
/// <param name="Stats">What the run did.</param>
public sealed record RunCompleted(RunStats Stats) : IActorSimMessage;
