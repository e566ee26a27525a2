namespace ActorSim.Actors.Messages;

/// <summary>Coordinator to line, every line standing at the snapshot's instant: reply with the line's exact state.</summary>
/// <param name="RunId">The run it belongs to.</param>
internal sealed record CaptureState(string RunId) : IRunMessage;
