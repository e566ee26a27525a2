using Akka.Actor;

namespace ActorSim.Actors.Internal;

/// <summary>Line to egress actor: a block waits in the feed; never leaves the process.</summary>
internal sealed class BlocksWaiting : INoSerializationVerificationNeeded
{
    public static BlocksWaiting Instance { get; } = new();
}
