using ActorSim.Forecasts;
using Akka.Actor;

namespace ActorSim.Cluster.Internal;

/// <summary>
/// Executor → its job's master (local only): run replications <paramref name="First"/> … + <paramref name="Count"/> − 1,
/// call <paramref name="ReplicationDone"/> once per replication as its outcome is kept, and complete
/// <paramref name="Completion"/> with them in order.
/// </summary>
internal sealed record RunRange(int First, int Count, TaskCompletionSource<IReadOnlyList<ReplicationOutcome>> Completion, Action? ReplicationDone = null)
    : INoSerializationVerificationNeeded;
