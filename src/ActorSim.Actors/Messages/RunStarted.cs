namespace ActorSim.Actors.Messages;

/// <summary>Coordinator to requester: every line is started and ready.</summary>
/// <param name="Lines">The number of lines.</param>
/// <param name="EndTime">The simulated end time.</param>
public sealed record RunStarted(int Lines, double EndTime) : IActorSimMessage;
