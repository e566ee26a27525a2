namespace ActorSim.Actors.Messages;

/// <summary>Line to coordinator, during a long grant: where the line is (keeps the watchdog quiet and feeds the progress log).</summary>
/// <param name="RunId">The run it belongs to.</param>
/// <param name="Line">The line's index.</param>
/// <param name="SimTime">The simulated time it has reached.</param>
/// <param name="ProcessedEvents">Engine events it has processed since it started.</param>
/// <param name="Egress">Its egress so far, or null when its sink is not an egress pipeline.</param>
internal sealed record LineProgress(string RunId, int Line, double SimTime, long ProcessedEvents, EgressStatus? Egress = null) : IRunMessage;
