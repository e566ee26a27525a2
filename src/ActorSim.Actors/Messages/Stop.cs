namespace ActorSim.Actors.Messages;

/// <summary>To the coordinator: end the run once the current round is reported, drain egress; the requester and the sender get <see cref="RunStopped"/>.</summary>
/// <param name="RunId">The run it is for.</param>
internal sealed record Stop(string RunId) : IRunMessage;
