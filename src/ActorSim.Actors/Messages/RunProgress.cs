namespace ActorSim.Actors.Messages;

/// <summary>Coordinator to the sender of <see cref="GetProgress"/>: how far the run is.</summary>
/// <param name="RunId">The run this is about.</param>
/// <param name="Round">Rounds (with eager grants, batches of grants) so far.</param>
/// <param name="ReachedTime">The simulated time every line has reached (the smallest over lines).</param>
/// <param name="EndTime">The simulated time the run ends at.</param>
/// <param name="ProcessedEvents">Engine events over all lines, as their last notes said.</param>
/// <param name="RecordsWritten">Records the lines' egress has written, as their last notes said; -1 when no line has egress actors.</param>
public sealed record RunProgress(string RunId, long Round, double ReachedTime, double EndTime, long ProcessedEvents, long RecordsWritten) : IRunMessage;
