using Akka.Actor;

namespace ActorSim.Cluster.Internal;

/// <summary>Executor → master (local only): the caller stopped waiting; hand out nothing more of the range.</summary>
internal sealed record CancelRange : INoSerializationVerificationNeeded
{
    public static readonly CancelRange Instance = new();
}
