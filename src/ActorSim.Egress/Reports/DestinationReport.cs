namespace ActorSim.Egress.Reports;

/// <summary>What one sink did for one destination.</summary>
/// <param name="Destination">The destination path, e.g. <c>events.parquet</c>.</param>
/// <param name="Published">Records routed to it.</param>
/// <param name="Written">Records in chunk files stored.</param>
/// <param name="Chunks">Chunk files stored.</param>
/// <param name="Bytes">Bytes stored.</param>
public sealed record DestinationReport(string Destination, long Published, long Written, int Chunks, long Bytes);
