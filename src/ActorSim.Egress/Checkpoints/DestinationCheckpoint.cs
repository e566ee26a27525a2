namespace ActorSim.Egress.Checkpoints;

/// <summary>One destination of a sink at a checkpoint: its counters, its chunks counted as far as they had landed.</summary>
/// <param name="Destination">The destination path.</param>
/// <param name="Flatten">Whether its events are flattened.</param>
/// <param name="BatchesTaken">Chunks stored so far, its first ones (the next to store is number <c>BatchesTaken + 1</c>).</param>
/// <param name="Published">Records routed to it so far.</param>
/// <param name="Written">Records in its stored chunks.</param>
/// <param name="Chunks">Chunks stored.</param>
/// <param name="Bytes">Bytes stored.</param>
/// <param name="Pending">Records not stored yet (the last of <paramref name="Published"/>): in batches queued, being stored or being filled.</param>
public sealed record DestinationCheckpoint(string Destination, bool Flatten, int BatchesTaken, long Published, long Written, int Chunks, long Bytes, int Pending);
