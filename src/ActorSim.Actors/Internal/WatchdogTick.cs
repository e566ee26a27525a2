using Akka.Actor;

namespace ActorSim.Actors.Internal;

/// <summary>The coordinator's periodic look for silent lines; never leaves the actor.</summary>
internal sealed class WatchdogTick : INoSerializationVerificationNeeded
{
    public static WatchdogTick Instance { get; } = new();
}
