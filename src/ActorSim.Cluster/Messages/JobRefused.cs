namespace ActorSim.Cluster.Messages;

/// <summary>Worker node → client: the job cannot run here (its definition does not build, or a replication failed); the forecast fails with the reason.</summary>
internal sealed record JobRefused(string JobId, string Reason) : IClusterMessage;
