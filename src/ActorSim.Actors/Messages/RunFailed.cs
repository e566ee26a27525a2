namespace ActorSim.Actors.Messages;

/// <summary>Coordinator to requester: the run failed and its actors are stopped.</summary>
/// <param name="RunId">The run this is about.</param>
/// <param name="Reason">What went wrong and what to do, naming the line and time when there is one.</param>
/// <param name="SimId">The failed line's sim_id, or null when no single line is at fault.</param>
/// <param name="SimulatedTime">The failed line's simulated time (NaN when no line is at fault).</param>
/// <param name="LineGone">The line's actor ended without a word: its node was lost, or it stopped unexpectedly.</param>
internal sealed record RunFailed(string RunId, string Reason, string? SimId, double SimulatedTime, bool LineGone = false) : IRunMessage;
