using ActorSim.Egress;

namespace ActorSim.Snapshots.EventLogs.Internal;

/// <summary>
/// Decodes a chunk's bytes by its format (its extension, else its bytes: Parquet begins with <c>PAR1</c>), with one set
/// of reusable column buffers and one string pool for a whole read. Any failure becomes an <see cref="EventLogException"/>
/// naming the destination and the file.
/// </summary>
internal sealed class ChunkDecoder(string location)
{
    private readonly StringPool _strings = new();
    private JsonlChunkReader? _jsonl;
    private ParquetChunkReader? _parquet;

    /// <summary>Adds the chunk's records before <paramref name="until"/> to <paramref name="output"/>; true when it stopped at the bound.</summary>
    public async ValueTask<bool> DecodeAsync(ChunkFile chunk, byte[] bytes, RecordBuffer output, double until, CancellationToken cancellationToken)
    {
        var format = chunk.Format ?? (bytes.AsSpan().StartsWith("PAR1"u8) ? ChunkFormat.Parquet : ChunkFormat.Jsonl);
        if (format == ChunkFormat.Jsonl)
        {
            return (_jsonl ??= new JsonlChunkReader(_strings)).Read(bytes, location, chunk.Path, output, until);
        }

        try
        {
            return await (_parquet ??= new ParquetChunkReader(_strings)).ReadAsync(bytes, output, until, cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidDataException e)
        {
            throw new EventLogException($"{location}/{chunk.Path}: {e.Message}", e) { File = chunk.Path };
        }
        catch (Exception e) when (e is not (OperationCanceledException or EventLogException or OutOfMemoryException))
        {
            throw new EventLogException($"{location}/{chunk.Path} is not a readable Parquet file: {e.Message}", e) { File = chunk.Path };
        }
    }
}
