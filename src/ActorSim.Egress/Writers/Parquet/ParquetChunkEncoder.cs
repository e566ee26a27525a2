using System.IO.Compression;
using ActorSim.Egress.Internal;
using Parquet;

namespace ActorSim.Egress.Writers.Parquet;

/// <summary>
/// Parquet chunks: one whole file per batch, into one reused memory stream. Each destination keeps the schema of its
/// first batch. The compression level is always set explicitly (Parquet.Net's default, SmallestSize, is very slow).
/// </summary>
internal sealed class ParquetChunkEncoder : IChunkEncoder
{
    private readonly DateTime _startUtc;
    private readonly int _rowGroupSize;
    private readonly ParquetOptions _options;
    private readonly Dictionary<string, ParquetDestination> _destinations = new(StringComparer.Ordinal);
    private readonly MemoryStream[] _streams;
    private int _turn;

    public ParquetChunkEncoder(DateTime logicalStart, ParquetCompression compression, int rowGroupSize, int buffers = 2)
    {
        _streams = Enumerable.Range(0, buffers).Select(_ => new MemoryStream(1 << 20)).ToArray();
        _startUtc = logicalStart.Kind switch
        {
            DateTimeKind.Local => logicalStart.ToUniversalTime(),
            _ => DateTime.SpecifyKind(logicalStart, DateTimeKind.Utc),
        };
        _rowGroupSize = rowGroupSize;
        _options = new ParquetOptions
        {
            CompressionMethod = compression switch
            {
                ParquetCompression.Zstd => CompressionMethod.Zstd,
                ParquetCompression.Gzip => CompressionMethod.Gzip,
                ParquetCompression.None => CompressionMethod.None,
                _ => CompressionMethod.Snappy,
            },
            CompressionLevel = CompressionLevel.Optimal,
        };
    }

    public async ValueTask<ReadOnlyMemory<byte>> EncodeAsync(RecordBatch batch, CancellationToken cancellationToken)
    {
        if (!_destinations.TryGetValue(batch.Destination, out var destination))
        {
            destination = new ParquetDestination(batch, _startUtc, _options, _rowGroupSize);
            _destinations[batch.Destination] = destination;
        }

        _turn = (_turn + 1) % _streams.Length;
        var stream = _streams[_turn];
        stream.SetLength(0);
        await destination.WriteAsync(batch, stream, cancellationToken).ConfigureAwait(false);
        return stream.GetBuffer().AsMemory(0, (int)stream.Length);
    }
}
