using ActorSim.Egress.Reports;
using ActorSim.Egress.Routing;
using ActorSim.Egress.Storage;
using ActorSim.Model.Records;

namespace ActorSim.Egress.Tests.Support;

/// <summary>One-sink pipelines for tests.</summary>
public static class Pipelines
{
    public static SinkOptions Sink(IObjectStore store, RecordRouter router, ChunkFormat format = ChunkFormat.Jsonl, int batchSize = 500, double flushInterval = 1.0) =>
        new() { Name = "test", Store = store, Router = router, Format = format, BatchSize = batchSize, FlushInterval = flushInterval };

    public static async Task<EgressReport> RunAsync(IEnumerable<SimRecord> records, params SinkOptions[] sinks) =>
        await RunAsync(Records.Start, records, sinks);

    public static async Task<EgressReport> RunAsync(DateTime start, IEnumerable<SimRecord> records, params SinkOptions[] sinks)
    {
        await using var pipeline = new EgressPipeline(start, sinks);
        pipeline.PublishAll(records);
        return await pipeline.CompleteAsync();
    }

    /// <summary>Every line of every JSONL chunk under <paramref name="prefix"/>, in chunk order.</summary>
    public static List<System.Text.Json.JsonElement> JsonLines(MemoryStore store, string prefix = "") =>
        store.Objects.Where(o => o.Key.StartsWith(prefix, StringComparison.Ordinal)).OrderBy(o => o.Key, StringComparer.Ordinal)
            .SelectMany(o => System.Text.Encoding.UTF8.GetString(o.Value).Split('\n', StringSplitOptions.RemoveEmptyEntries))
            .Select(line => System.Text.Json.JsonDocument.Parse(line).RootElement.Clone())
            .ToList();
}
