namespace ActorSim.Egress.Reports;

/// <summary>What one sink did: every record published is written or deliberately dropped.</summary>
/// <param name="Sink">The sink's name.</param>
/// <param name="Published">Records the sink received.</param>
/// <param name="Written">Records in stored chunk files.</param>
/// <param name="Dropped">Records its router dropped on purpose.</param>
/// <param name="Destinations">Per destination, in first-use order.</param>
public sealed record SinkReport(string Sink, long Published, long Written, long Dropped, IReadOnlyList<DestinationReport> Destinations)
{
    /// <summary>
    /// Wall-clock seconds the publisher spent blocked because this sink's queue was full (backpressure): zero when the
    /// sink kept up, the time the sink held the engine back when it did not.
    /// </summary>
    public double BlockedSeconds { get; init; }

    /// <summary>Records neither written nor dropped; zero after a successful teardown.</summary>
    public long NotWritten => Published - Written - Dropped;

    /// <summary>Chunk files stored over all destinations.</summary>
    public int Chunks => Destinations.Sum(d => d.Chunks);

    /// <summary>Bytes stored over all destinations.</summary>
    public long Bytes => Destinations.Sum(d => d.Bytes);
}
