using ActorSim.Model.Records;

namespace ActorSim.Egress.Checkpoints;

/// <summary>One destination of a sink at a checkpoint: its counters, and the records of the batch it is filling.</summary>
/// <param name="Destination">The destination path.</param>
/// <param name="Flatten">Whether its events are flattened.</param>
/// <param name="BatchesTaken">Batches handed on so far (the next chunk is number <c>BatchesTaken + 1</c>).</param>
/// <param name="Published">Records routed to it so far.</param>
/// <param name="Written">Records in its stored chunks.</param>
/// <param name="Chunks">Chunks stored.</param>
/// <param name="Bytes">Bytes stored.</param>
/// <param name="FirstTime">Simulated time of the pending batch's first record (its flush deadline counts from it).</param>
/// <param name="Pending">The records of the batch being filled, in order.</param>
public sealed record DestinationCheckpoint(
    string Destination, bool Flatten, int BatchesTaken, long Published, long Written, int Chunks, long Bytes, double FirstTime, IReadOnlyList<SimRecord> Pending);
