using ActorSim.Forecasts;
using Akka.Actor;

namespace ActorSim.Cluster.Internal;

/// <summary>Executor → its job's master (local only): run replications <paramref name="First"/> … + <paramref name="Count"/> − 1 and complete <paramref name="Completion"/> with them in order.</summary>
internal sealed record RunRange(int First, int Count, TaskCompletionSource<IReadOnlyList<ReplicationOutcome>> Completion) : INoSerializationVerificationNeeded;

/// <summary>Executor → master (local only): the caller stopped waiting; hand out nothing more of the range.</summary>
internal sealed record CancelRange : INoSerializationVerificationNeeded
{
    public static readonly CancelRange Instance = new();
}

/// <summary>Executor → master (local only): the forecast is over; tell the workers, log and return who did what, and stop.</summary>
internal sealed record FinishJob(TaskCompletionSource<IReadOnlyList<NodeShare>> Shares) : INoSerializationVerificationNeeded;

/// <summary>The master's timer: lease deadlines and the wait for workers.</summary>
internal sealed record MasterTick : INoSerializationVerificationNeeded
{
    public static readonly MasterTick Instance = new();
}
