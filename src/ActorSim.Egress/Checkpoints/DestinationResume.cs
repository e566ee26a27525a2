namespace ActorSim.Egress.Checkpoints;

/// <summary>How one destination of a resumed sink goes on: counters to start from, and the records to skip.</summary>
/// <param name="Destination">The destination path.</param>
/// <param name="Flatten">Whether its events are flattened.</param>
/// <param name="BatchesTaken">Chunks stored already: the first batch it fills is chunk <c>BatchesTaken + 1</c>.</param>
/// <param name="Published">Records routed to it before the instant the run replays from.</param>
/// <param name="Written">Records in its stored chunks.</param>
/// <param name="Chunks">Chunks stored.</param>
/// <param name="Bytes">Bytes stored.</param>
/// <param name="Skip">Records it gets again in the replay that its stored chunks hold already: counted, not batched.</param>
public sealed record DestinationResume(string Destination, bool Flatten, int BatchesTaken, long Published, long Written, int Chunks, long Bytes, long Skip);
