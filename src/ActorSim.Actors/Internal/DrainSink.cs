using Akka.Actor;

namespace ActorSim.Actors.Internal;

/// <summary>Line to egress actor: the line has queued its last batch; store everything and answer <see cref="SinkDrained"/>.</summary>
internal sealed class DrainSink : INoSerializationVerificationNeeded
{
    public static DrainSink Instance { get; } = new();
}
