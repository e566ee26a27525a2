namespace ActorSim.Actors.Messages;

/// <summary>
/// A message of one run: a coordinator and its lines take only their own run's, so a message that strays from
/// another run (a stale line, a handle of an ended run) cannot steer this one.
/// </summary>
internal interface IRunMessage : IActorSimMessage
{
    /// <summary>The run the message belongs to.</summary>
    string RunId { get; }
}
