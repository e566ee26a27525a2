using ActorSim.Egress.Writers.Parquet.Format;

namespace ActorSim.Egress.Writers.Parquet;

/// <summary>
/// Writes whole Parquet files into one reused buffer: the magic, each row group's column chunks, the Thrift footer, its
/// length and the magic again. Files are plain Parquet (format 2 metadata, data pages v1) that DuckDB, Arrow, Spark and
/// Parquet.Net read.
/// </summary>
internal sealed class ParquetFileWriter
{
    private static ReadOnlySpan<byte> Magic => "PAR1"u8;

    private readonly ByteBuffer _output = new(1 << 20);
    private readonly PageWriter _pages;
    private readonly ThriftCompactWriter _footer;
    private readonly List<RowGroupMetadata> _rowGroups = [];

    public ParquetFileWriter(ParquetCompression compression)
    {
        _pages = new PageWriter(_output, compression);
        _footer = new ThriftCompactWriter(_output);
    }

    /// <summary>Writes <paramref name="rows"/> rows of <paramref name="columns"/> as one file; returns its bytes, valid until the next call.</summary>
    public ReadOnlyMemory<byte> Write(IReadOnlyList<ColumnBuffer> columns, int rows, int rowGroupSize)
    {
        _output.Clear();
        _output.Write(Magic);
        _rowGroups.Clear();
        for (var offset = 0; offset < rows; offset += rowGroupSize)
        {
            var count = Math.Min(rowGroupSize, rows - offset);
            var chunks = new ColumnChunkMetadata[columns.Count];
            for (var c = 0; c < columns.Count; c++)
            {
                columns[c].WriteChunk(_pages, offset, count);
                chunks[c] = _pages.EndChunk();
            }

            _rowGroups.Add(new RowGroupMetadata(count, chunks));
        }

        var footerStart = _output.Length;
        FooterWriter.Write(_footer, columns.Select(c => c.Schema).ToArray(), _rowGroups, _pages.Codec);
        _output.WriteInt32LittleEndian(_output.Length - footerStart);
        _output.Write(Magic);
        return _output.WrittenMemory;
    }
}
