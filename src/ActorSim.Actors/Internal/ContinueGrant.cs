using Akka.Actor;

namespace ActorSim.Actors.Internal;

/// <summary>A line actor's note to itself to run the next slice of its grant; never leaves the actor.</summary>
internal sealed class ContinueGrant : INoSerializationVerificationNeeded
{
    public static ContinueGrant Instance { get; } = new();
}
