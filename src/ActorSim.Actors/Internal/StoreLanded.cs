using Akka.Actor;

namespace ActorSim.Actors.Internal;

/// <summary>An egress actor's note to itself: the store it waited for completed, or its stall timeout passed first.</summary>
internal sealed class StoreLanded : INoSerializationVerificationNeeded
{
    public static StoreLanded Instance { get; } = new();
}
