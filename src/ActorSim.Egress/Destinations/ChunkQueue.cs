using System.Collections.Concurrent;

namespace ActorSim.Egress.Destinations;

/// <summary>
/// A chunk log that keeps the chunks a line's sinks stored, as a manifest lists them (paths from the destination,
/// through <paramref name="pathPrefix"/>), for a process that writes for a run whose manifest another process keeps.
/// Called from the sinks' writer threads at once.
/// </summary>
public sealed class ChunkQueue(string line, string pathPrefix = "") : IChunkLog
{
    private readonly ConcurrentQueue<ManifestChunk> _chunks = new();
    private int _taken;

    /// <inheritdoc/>
    public void Stored(StoredChunk chunk)
    {
        ArgumentNullException.ThrowIfNull(chunk);
        _chunks.Enqueue(new ManifestChunk(pathPrefix + chunk.Path, line, chunk.Sink, chunk.Rows, chunk.Bytes, chunk.Sha256));
    }

    /// <summary>
    /// The chunks stored since the last call, in the order stored (at a checkpoint, when no store is in flight). They
    /// stay in <see cref="Chunks"/>.
    /// </summary>
    public ManifestChunk[] TakeNew()
    {
        var all = _chunks.ToArray();
        var taken = Interlocked.Exchange(ref _taken, all.Length);
        return all[Math.Min(taken, all.Length)..];
    }

    /// <summary>The chunks stored so far, in ordinal order of path.</summary>
    public ManifestChunk[] Chunks() => [.. _chunks.OrderBy(c => c.Path, StringComparer.Ordinal)];
}
