using System.Diagnostics;
using ActorSim.Egress.Reports;
using ActorSim.Egress.Routing;
using ActorSim.Egress.Storage;
using ActorSim.Model.Records;

namespace ActorSim.Egress;

/// <summary>
/// A hook for benchmarks: publishes flattened task lifecycle records shaped like the reference history week
/// (keys <c>task-N</c>, queued/started/finished, six records per simulated second) through a one-sink pipeline.
/// </summary>
public static class EgressBenchmark
{
    private static readonly string[] Statuses = ["queued", "started", "finished"];

    /// <summary>Publishes <paramref name="records"/> records to <paramref name="store"/> and times publishing plus teardown.</summary>
    public static async Task<EgressBenchmarkResult> RunAsync(IObjectStore store, ChunkFormat format, long records, int batchSize = 5000)
    {
        var extension = format == ChunkFormat.Parquet ? "parquet" : "jsonl";
        var start = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Unspecified);
        var watch = Stopwatch.StartNew();
        var pipeline = new EgressPipeline(start,
        [
            new SinkOptions
            {
                Name = "bench",
                Store = store,
                Format = format,
                Router = Routers.History("events." + extension),
                BatchSize = batchSize,
                FlushInterval = 86_400,
            },
        ]);
        const string pathId = "Line_A.service.milling";
        for (long i = 0; i < records; i++)
        {
            var record = SimRecord.Lifecycle(1.202 + (i / 6.0), new RecordKey("task-", i / 3), pathId, Statuses[i % 3]);
            pipeline.Publish(in record);
        }

        var report = await pipeline.CompleteAsync().ConfigureAwait(false);
        return new EgressBenchmarkResult(report, watch.Elapsed);
    }

    /// <summary>
    /// Encodes one batch of <paramref name="batchSize"/> lifecycle records <paramref name="chunks"/> times on this thread
    /// (no pipeline, no store; Parquet with <paramref name="compression"/>) and returns the time spent and the bytes of the last chunk.
    /// </summary>
    public static (TimeSpan Elapsed, int ChunkBytes) EncodeOnly(ChunkFormat format, int chunks, int batchSize = 5000, ParquetCompression compression = ParquetCompression.Snappy)
    {
        var start = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Unspecified);
        var records = new SimRecord[batchSize];
        for (var i = 0; i < batchSize; i++)
        {
            records[i] = SimRecord.Lifecycle(1.202 + (i / 6.0), new RecordKey("task-", 100_000 + (i / 3)), "Line_A.service.milling", Statuses[i % 3]);
        }

        var batch = new Internal.RecordBatch(new Internal.DestinationStats("events"), true, 1, records, batchSize);
        Writers.IChunkEncoder encoder = format == ChunkFormat.Jsonl
            ? new Writers.JsonlChunkEncoder(start)
            : new Writers.Parquet.ParquetChunkEncoder(start, compression, 100_000);
        var bytes = 0;
        var watch = Stopwatch.StartNew();
        for (var c = 0; c < chunks; c++)
        {
            bytes = encoder.Encode(batch).Length;
        }

        return (watch.Elapsed, bytes);
    }
}
