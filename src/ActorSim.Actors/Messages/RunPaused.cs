namespace ActorSim.Actors.Messages;

/// <summary>Coordinator to the sender of <see cref="Pause"/>: no line is running; no grant goes out until <see cref="Resume"/>.</summary>
/// <param name="RunId">The run this is about.</param>
/// <param name="Round">Rounds completed so far.</param>
/// <param name="ReachedTime">The simulated time every line has reached (the smallest over lines).</param>
internal sealed record RunPaused(string RunId, long Round, double ReachedTime) : IRunMessage;
