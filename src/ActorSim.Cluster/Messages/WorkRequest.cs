namespace ActorSim.Cluster.Messages;

/// <summary>
/// Worker node → client: I hold the job and have <paramref name="Slots"/> free threads now, having received
/// <paramref name="BatchesReceived"/> batches of it: the client subtracts the batches still on their way.
/// </summary>
internal sealed record WorkRequest(string JobId, int Slots, long BatchesReceived) : IClusterMessage;
