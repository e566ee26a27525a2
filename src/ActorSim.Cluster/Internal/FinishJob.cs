using Akka.Actor;

namespace ActorSim.Cluster.Internal;

/// <summary>Executor → master (local only): the forecast is over; tell the workers, log and return who did what, and stop.</summary>
internal sealed record FinishJob(TaskCompletionSource<IReadOnlyList<NodeShare>> Shares) : INoSerializationVerificationNeeded;
