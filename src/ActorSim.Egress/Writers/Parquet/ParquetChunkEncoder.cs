using ActorSim.Egress.Internal;

namespace ActorSim.Egress.Writers.Parquet;

/// <summary>
/// Parquet chunks: one whole file per batch, written by ActorSim's own column writers into rotating reused buffers (so
/// chunks still being stored stay intact). Each destination keeps the schema of its first batch.
/// </summary>
internal sealed class ParquetChunkEncoder : IChunkEncoder
{
    private readonly long _startUnixMilliseconds;
    private readonly int _rowGroupSize;
    private readonly Dictionary<string, ParquetDestination> _destinations = new(StringComparer.Ordinal);
    private readonly ParquetFileWriter[] _files;
    private int _turn;

    public ParquetChunkEncoder(DateTime logicalStart, ParquetCompression compression, int rowGroupSize, int buffers = 2)
    {
        _files = Enumerable.Range(0, buffers).Select(_ => new ParquetFileWriter(compression)).ToArray();
        var startUtc = logicalStart.Kind == DateTimeKind.Local ? logicalStart.ToUniversalTime() : logicalStart;
        _startUnixMilliseconds = ColumnBuffer.UnixMilliseconds(startUtc);
        _rowGroupSize = rowGroupSize;
    }

    public ReadOnlyMemory<byte> Encode(RecordBatch batch)
    {
        if (!_destinations.TryGetValue(batch.Destination, out var destination))
        {
            destination = new ParquetDestination(batch, _startUnixMilliseconds);
            _destinations[batch.Destination] = destination;
        }

        _turn = (_turn + 1) % _files.Length;
        destination.Fill(batch);
        return _files[_turn].Write(destination.Columns, batch.Count, _rowGroupSize);
    }
}
