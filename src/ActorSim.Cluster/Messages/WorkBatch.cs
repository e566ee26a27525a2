namespace ActorSim.Cluster.Messages;

/// <summary>Client → worker node: run these replication indices under lease <paramref name="LeaseId"/>.</summary>
internal sealed record WorkBatch(string JobId, long LeaseId, int[] Indices) : IClusterMessage;
