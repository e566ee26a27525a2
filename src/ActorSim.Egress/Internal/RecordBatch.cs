using ActorSim.Model.Records;

namespace ActorSim.Egress.Internal;

/// <summary>A full or flushed batch on its way to one chunk file: records of one destination, in publication order.</summary>
internal sealed class RecordBatch(DestinationStats stats, bool flatten, int chunkIndex, SimRecord[] records, int count)
{
    public DestinationStats Stats { get; } = stats;

    public string Destination => Stats.Destination;

    public bool Flatten { get; } = flatten;

    /// <summary>1-based chunk number within the destination.</summary>
    public int ChunkIndex { get; } = chunkIndex;

    public SimRecord[] Records { get; } = records;

    public int Count { get; } = count;

    public ReadOnlySpan<SimRecord> Span => Records.AsSpan(0, Count);
}
