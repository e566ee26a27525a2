using ActorSim.Forecasts;
using Akka.Actor;

namespace ActorSim.Cluster.Internal;

/// <summary>Executor → its job's master (local only): run replications <paramref name="First"/> … + <paramref name="Count"/> − 1 and complete <paramref name="Completion"/> with them in order.</summary>
internal sealed record RunRange(int First, int Count, TaskCompletionSource<IReadOnlyList<ReplicationOutcome>> Completion) : INoSerializationVerificationNeeded;
