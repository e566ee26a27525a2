using Akka.Actor;

namespace ActorSim.Cluster.Internal;

/// <summary>The master's timer: lease deadlines and the wait for workers.</summary>
internal sealed record MasterTick : INoSerializationVerificationNeeded
{
    public static readonly MasterTick Instance = new();
}
