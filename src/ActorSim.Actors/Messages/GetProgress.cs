namespace ActorSim.Actors.Messages;

/// <summary>To the coordinator: where is the run now? The sender gets <see cref="RunProgress"/>.</summary>
/// <param name="RunId">The run it is for.</param>
internal sealed record GetProgress(string RunId) : IRunMessage;
