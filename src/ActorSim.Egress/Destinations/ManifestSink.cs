namespace ActorSim.Egress.Destinations;

/// <summary>A sink's totals in a <see cref="ManifestRun"/>.</summary>
/// <param name="Line">The line it served.</param>
/// <param name="Sink">The sink's name.</param>
/// <param name="Published">Records the sink received; null when the run ended before it could report.</param>
/// <param name="Written">Records in the chunks listed for it.</param>
/// <param name="Dropped">Records its router dropped on purpose; null when the run ended before it could report.</param>
/// <param name="Chunks">Chunks listed for it.</param>
/// <param name="Bytes">Their bytes.</param>
public sealed record ManifestSink(string Line, string Sink, long? Published, long Written, long? Dropped, int Chunks, long Bytes);
