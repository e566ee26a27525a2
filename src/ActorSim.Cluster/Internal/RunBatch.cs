using ActorSim.Cluster.Messages;
using Akka.Actor;

namespace ActorSim.Cluster.Internal;

/// <summary>Worker node → one of its runners (local only): run this batch of the job.</summary>
internal sealed record RunBatch(ActiveJob Job, WorkBatch Batch) : INoSerializationVerificationNeeded;
