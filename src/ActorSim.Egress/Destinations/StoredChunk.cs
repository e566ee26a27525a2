namespace ActorSim.Egress.Destinations;

/// <summary>A chunk file stored by a sink: where, how many records, how many bytes, and their SHA-256 (lowercase hex).</summary>
/// <param name="Sink">The sink's name.</param>
/// <param name="Path">The chunk's path in the sink's store.</param>
/// <param name="Rows">Records in the chunk.</param>
/// <param name="Bytes">The chunk's size.</param>
/// <param name="Sha256">SHA-256 of the chunk's bytes, as <c>sha256sum</c> prints it.</param>
public sealed record StoredChunk(string Sink, string Path, long Rows, long Bytes, string Sha256);
