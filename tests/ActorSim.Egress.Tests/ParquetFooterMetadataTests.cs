using System.Buffers.Binary;
using ActorSim.Egress.Routing;
using ActorSim.Egress.Storage;
using ActorSim.Egress.Tests.Support;
using Parquet;
using Parquet.Meta;

namespace ActorSim.Egress.Tests;

/// <summary>
/// The footer's numbers, read with Parquet.Net and checked against the file's own bytes: row counts, where each column
/// chunk starts and how long it is, row group totals and ordinals, encodings, converted types and the writer's name.
/// </summary>
public class ParquetFooterMetadataTests
{
    [Theory]
    [InlineData(ParquetCompression.None)]
    [InlineData(ParquetCompression.Snappy)]
    [InlineData(ParquetCompression.Zstd)]
    [InlineData(ParquetCompression.Gzip)]
    public async Task Footer_should_describe_every_row_group_and_column_chunk_as_laid_out_in_the_file_and_pages_read_back(ParquetCompression compression)
    {
        using var temp = new TempDirectory();
        var sink = Pipelines.Sink(new LocalObjectStore(temp.Path), Routers.History(), ChunkFormat.Parquet, batchSize: 1000, flushInterval: 0)
            with { RowGroupSize = 120, Compression = compression };
        await Pipelines.RunAsync(Records.Lifecycles(100), sink);
        var path = Path.Combine(temp.Path, "events_000001.parquet");
        var bytes = await File.ReadAllBytesAsync(path);
        await using var reader = await ParquetReader.CreateAsync(path);
        var meta = reader.Metadata!;

        Assert.Equal(300, meta.NumRows);
        Assert.Equal("ActorSim version 0.1.0", meta.CreatedBy);
        Assert.Equal(("schema", 6), (meta.Schema[0].Name, meta.Schema[0].NumChildren));
        Assert.Equal(6, meta.ColumnOrders!.Count);
        Assert.Equal(ConvertedType.TIMESTAMP_MILLIS, meta.Schema.Single(e => e.Name == "timestamp").ConvertedType);
        Assert.Equal(ConvertedType.UTF8, meta.Schema.Single(e => e.Name == "key").ConvertedType);
        Assert.Equal([120L, 120L, 60L], meta.RowGroups.Select(g => g.NumRows));
        Assert.Equal([(short)0, (short)1, (short)2], meta.RowGroups.Select(g => g.Ordinal ?? -1));

        // Pages follow each other without gaps: each chunk ends where the next begins, the last where the footer begins.
        var footerStart = bytes.Length - 8 - BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(bytes.Length - 8));
        var chunks = meta.RowGroups.SelectMany(g => g.Columns).ToList();
        var starts = chunks.Select(c => c.MetaData!.DictionaryPageOffset ?? c.MetaData.DataPageOffset).Append(footerStart).ToList();
        Assert.Equal(4, starts[0]);
        for (var i = 0; i < chunks.Count; i++)
        {
            var chunk = chunks[i].MetaData!;
            Assert.Equal(starts[i + 1] - starts[i], chunk.TotalCompressedSize);
            Assert.Equal(starts[i], chunks[i].FileOffset);
            Assert.True(chunk.DataPageOffset > starts[i] || chunk.DictionaryPageOffset is null, $"chunk {i}: data page before dictionary page");
            if (compression == ParquetCompression.None)
            {
                Assert.Equal(chunk.TotalCompressedSize, chunk.TotalUncompressedSize);
            }
        }

        foreach (var group in meta.RowGroups)
        {
            Assert.Equal(group.Columns[0].MetaData!.DictionaryPageOffset ?? group.Columns[0].MetaData!.DataPageOffset, group.FileOffset);
            Assert.Equal(group.Columns.Sum(c => c.MetaData!.TotalUncompressedSize), group.TotalByteSize);
            Assert.Equal(group.Columns.Sum(c => c.MetaData!.TotalCompressedSize), group.TotalCompressedSize);
            Assert.All(group.Columns, c => Assert.Equal(group.NumRows, c.MetaData!.NumValues));
        }

        // Optional columns carry definition levels, which are RLE-encoded: the chunk lists RLE among its encodings.
        var optional = meta.Schema.Skip(1).Where(e => e.RepetitionType == FieldRepetitionType.OPTIONAL).Select(e => e.Name).ToHashSet();
        Assert.NotEmpty(optional);
        Assert.All(chunks.Where(c => optional.Contains(c.MetaData!.PathInSchema[0])), c => Assert.Contains(Encoding.RLE, c.MetaData!.Encodings));

        // And every page decompresses to the records written, in order.
        var columns = await ParquetNet.ReadAsync(path);
        Assert.Equal(Records.Lifecycles(100).Select(r => r.SimTime), columns["sim_ts"].Cast<double>(), (a, b) => Math.Abs(a - b) < 1e-9);
        Assert.Equal(Enumerable.Range(0, 100).SelectMany(i => Enumerable.Repeat((object?)$"task-{i}", 3)), columns["key"]);
    }
}
