namespace ActorSim.Actors.Messages;

/// <summary>Coordinator to requester (and to whoever sent <see cref="Stop"/>): the run was stopped between rounds, egress drained.</summary>
/// <param name="RunId">The run this is about.</param>
/// <param name="Stats">What the run did up to the stop.</param>
/// <param name="ReachedTime">The simulated time every line had reached (the smallest over lines).</param>
internal sealed record RunStopped(string RunId, ActorRunStats Stats, double ReachedTime) : IRunMessage;
