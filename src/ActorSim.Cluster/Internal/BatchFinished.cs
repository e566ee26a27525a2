using Akka.Actor;

namespace ActorSim.Cluster.Internal;

/// <summary>Runner → its worker node (local only): the batch is done (or its job ended, or a replication failed); the runner is free.</summary>
internal sealed record BatchFinished(ActiveJob Job, string? Failure) : INoSerializationVerificationNeeded;
