namespace ActorSim.Actors.Messages;

/// <summary>Coordinator to requester: every line is started and ready.</summary>
/// <param name="RunId">The run this is about.</param>
/// <param name="Lines">The number of lines.</param>
/// <param name="EndTime">The simulated end time.</param>
internal sealed record RunStarted(string RunId, int Lines, double EndTime) : IRunMessage;
