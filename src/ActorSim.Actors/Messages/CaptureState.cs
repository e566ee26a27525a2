namespace ActorSim.Actors.Messages;

/// <summary>
/// Coordinator to line, every line standing at the snapshot's instant: reply with the line's exact state; for a
/// checkpoint (<paramref name="WithEgress"/>) also its egress counters and the chunks stored since the last checkpoint.
/// </summary>
/// <param name="RunId">The run it belongs to.</param>
/// <param name="WithEgress">True for a checkpoint.</param>
internal sealed record CaptureState(string RunId, bool WithEgress = false) : IRunMessage;
