namespace ActorSim.Actors.Messages;

/// <summary>Requester to coordinator: start the lines and run; the sender gets <see cref="RunStarted"/>, then <see cref="RunCompleted"/>, <see cref="RunStopped"/> or <see cref="RunFailed"/>.</summary>
/// <param name="RunId">The run it is for.</param>
internal sealed record StartRun(string RunId) : IRunMessage;
