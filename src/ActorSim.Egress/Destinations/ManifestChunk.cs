namespace ActorSim.Egress.Destinations;

/// <summary>A chunk file in a <see cref="ManifestRun"/>.</summary>
/// <param name="Path">Relative to the destination, with '/' separators.</param>
/// <param name="Line">The line that wrote it.</param>
/// <param name="Sink">The sink that wrote it.</param>
/// <param name="Rows">Records in it.</param>
/// <param name="Bytes">Its size.</param>
/// <param name="Sha256">SHA-256 of its bytes (lowercase hex, as <c>sha256sum</c> prints it).</param>
public sealed record ManifestChunk(string Path, string Line, string Sink, long Rows, long Bytes, string Sha256);
