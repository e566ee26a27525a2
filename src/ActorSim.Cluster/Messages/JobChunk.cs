namespace ActorSim.Cluster.Messages;

/// <summary>Client → worker node: part <paramref name="Index"/> of <paramref name="Count"/> of a job definition's bytes (each under the frame size).</summary>
internal sealed record JobChunk(string JobId, string JobHash, int Index, int Count, byte[] Data) : IClusterMessage;
