using Akka.Actor;

namespace ActorSim.Actors.Internal;

/// <summary>The coordinator's reminder to try the next round once the wall clock has moved on; never leaves the actor.</summary>
internal sealed class PaceTick : INoSerializationVerificationNeeded
{
    public static PaceTick Instance { get; } = new();
}
