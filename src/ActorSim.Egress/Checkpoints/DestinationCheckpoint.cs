namespace ActorSim.Egress.Checkpoints;

/// <summary>One destination of a sink at a checkpoint, every full batch stored: its counters.</summary>
/// <param name="Destination">The destination path.</param>
/// <param name="Flatten">Whether its events are flattened.</param>
/// <param name="BatchesTaken">Batches handed on, and stored, so far (the next chunk is number <c>BatchesTaken + 1</c>).</param>
/// <param name="Published">Records routed to it so far.</param>
/// <param name="Written">Records in its stored chunks.</param>
/// <param name="Chunks">Chunks stored.</param>
/// <param name="Bytes">Bytes stored.</param>
/// <param name="Pending">Records in the batch being filled (the last of <paramref name="Published"/>), not stored yet.</param>
public sealed record DestinationCheckpoint(string Destination, bool Flatten, int BatchesTaken, long Published, long Written, int Chunks, long Bytes, int Pending);
