using Akka.Actor;

namespace ActorSim.Actors.Internal;

/// <summary>Line to egress actor, at a checkpoint: store every batch queued and answer <see cref="SinkSettled"/> once none waits and none is in flight.</summary>
internal sealed class SettleSink : INoSerializationVerificationNeeded
{
    public static SettleSink Instance { get; } = new();
}
