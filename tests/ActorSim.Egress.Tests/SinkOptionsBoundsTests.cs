using ActorSim.Egress.Routing;
using ActorSim.Egress.Tests.Support;

namespace ActorSim.Egress.Tests;

public class SinkOptionsBoundsTests
{
    private static SinkOptions Sink(int batchSize) => Pipelines.Sink(new MemoryStore(), Routers.History()) with { BatchSize = batchSize };

    [Theory]
    [InlineData(0, "at least 1")]
    [InlineData(-1, "at least 1")]
    [InlineData(SinkOptions.MaxBatchSize + 1, "at most 1000000")]
    [InlineData(int.MaxValue, "at most 1000000")]
    public void Batch_size_outside_its_bounds_should_be_refused_naming_the_bound(int batchSize, string bound)
    {
        var error = Assert.Throws<ArgumentException>(() => Sink(batchSize).Validate());

        Assert.Contains("batch_size", error.Message, StringComparison.Ordinal);
        Assert.Contains(bound, error.Message, StringComparison.Ordinal);
        Assert.Contains(batchSize.ToString(System.Globalization.CultureInfo.InvariantCulture), error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(SinkOptions.MaxBatchSize)]
    public void Batch_size_within_its_bounds_should_pass(int batchSize) => Sink(batchSize).Validate();

    [Theory]
    [InlineData(ChunkFormat.Jsonl, "jsonl")]
    [InlineData(ChunkFormat.Parquet, "parquet")]
    public async Task A_batch_of_the_largest_size_should_be_written_as_one_chunk(ChunkFormat format, string extension)
    {
        var store = new MemoryStore();

        var report = await Pipelines.RunAsync(Records.Lifecycles(SinkOptions.MaxBatchSize / 3 + 1),
            Pipelines.Sink(store, Routers.All($"events.{extension}"), format, batchSize: SinkOptions.MaxBatchSize, flushInterval: 0));

        Assert.Equal([$"events_000001.{extension}", $"events_000002.{extension}"], store.Objects.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(SinkOptions.MaxBatchSize + 2, report["test"].Written);
        if (format == ChunkFormat.Jsonl)
        {
            Assert.Equal(SinkOptions.MaxBatchSize, store.Objects["events_000001.jsonl"].Count(b => b == (byte)'\n'));
        }
        else
        {
            using var dir = new TempDirectory();
            await File.WriteAllBytesAsync(dir.Sub("chunk.parquet"), store.Objects["events_000001.parquet"]);
            Assert.Equal(SinkOptions.MaxBatchSize, Convert.ToInt64(DuckDb.Query($"SELECT count(*) FROM read_parquet('{dir.Sub("chunk.parquet")}')")[0][0]));
        }
    }
}
