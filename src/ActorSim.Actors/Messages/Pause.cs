namespace ActorSim.Actors.Messages;

/// <summary>To the coordinator: hold the run once the current round is reported; the sender gets <see cref="RunPaused"/>.</summary>
/// <param name="RunId">The run it is for.</param>
internal sealed record Pause(string RunId) : IRunMessage;
