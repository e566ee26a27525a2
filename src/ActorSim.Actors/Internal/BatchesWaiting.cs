using Akka.Actor;

namespace ActorSim.Actors.Internal;

/// <summary>Line to egress actor: a batch waits in the sink's queue; never leaves the process.</summary>
internal sealed class BatchesWaiting : INoSerializationVerificationNeeded
{
    public static BatchesWaiting Instance { get; } = new();
}
