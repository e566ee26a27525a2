using ActorSim.Egress.Destinations;

namespace ActorSim.Forecasts.Records;

/// <summary>
/// What one replication's kept records left in the destination, as a worker node reports it to the forecast's client:
/// the chunks stored (paths relative to the destination) and, per line and sink, the records published, written and dropped.
/// </summary>
public sealed record KeptRecords(IReadOnlyList<ManifestChunk> Chunks, IReadOnlyList<SinkTotals> Sinks)
{
    /// <summary>True when <paramref name="other"/> lists the same chunks (paths, sizes, SHA-256) and the same totals, in the same order.</summary>
    public bool SameAs(KeptRecords other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Chunks.SequenceEqual(other.Chunks) && Sinks.SequenceEqual(other.Sinks);
    }
}

/// <summary>Records of one line's sink in a replication: published into it, written to chunks, dropped by its router.</summary>
public sealed record SinkTotals(string Line, string Sink, long Published, long Written, long Dropped);
