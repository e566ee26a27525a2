namespace ActorSim.Cluster.Messages;

/// <summary>Worker node → client: send me the definition with this hash (I do not hold it).</summary>
internal sealed record JobWanted(string JobId, string JobHash) : IClusterMessage;
