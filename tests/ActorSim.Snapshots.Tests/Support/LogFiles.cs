using ActorSim.Egress;
using ActorSim.Egress.Destinations;
using ActorSim.Egress.Routing;
using ActorSim.Egress.Storage;
using ActorSim.Model.Records;
using ActorSim.Snapshots.EventLogs;

namespace ActorSim.Snapshots.Tests.Support;

/// <summary>Writes event logs through the egress pipeline (with or without a destination's manifest) and reads them back.</summary>
public static class LogFiles
{
    public static string Extension(ChunkFormat format) => format == ChunkFormat.Parquet ? "parquet" : "jsonl";

    /// <summary>Events and telemetry to files of their own, as <c>actorsim history --keep-telemetry</c> writes them.</summary>
    public static RecordRouter Router(ChunkFormat format, bool flatten, bool partitionByDate)
    {
        var router = Routers.ByStreamType($"events.{Extension(format)}", $"telemetry.{Extension(format)}");
        router = flatten ? router.Flatten() : router;
        return partitionByDate ? router.PartitionByDate() : router;
    }

    public static SinkOptions Sink(IObjectStore store, RecordRouter router, ChunkFormat format, int batchSize = 40) =>
        new() { Name = "history", Store = store, Router = router, Format = format, BatchSize = batchSize, FlushInterval = 0 };

    public static async Task WriteAsync(IEnumerable<SimRecord> records, SinkOptions sink, DateTime? start = null)
    {
        await using var pipeline = new EgressPipeline(start ?? SampleRecords.Start, [sink]);
        pipeline.PublishAll(records);
        await pipeline.CompleteAsync();
    }

    /// <summary>A run into a destination as the CLI makes it: lock, chunks named for an appended run, manifest, marker.</summary>
    public static async Task WriteRunAsync(
        IObjectStore store, string runId, IEnumerable<SimRecord> records, ChunkFormat format,
        WriteMode mode = WriteMode.New, RunStatus status = RunStatus.Succeeded)
    {
        var run = new RunDescription(runId, "Line_A", "builtin:Line_A"u8.ToArray(), 1, SampleRecords.Start, 86400, "reference");
        var session = await DestinationSession.OpenAsync(store, store.Location, mode, run, CancellationToken.None);
        var router = Router(format, flatten: true, partitionByDate: false);
        var sink = Sink(store, session.ChunkTag is { } tag ? router.WithFileSuffix(tag) : router, format) with { ChunkLog = session.ChunkLogFor("Line_A") };
        await using var pipeline = new EgressPipeline(SampleRecords.Start, [sink]);
        pipeline.PublishAll(records);
        var report = await pipeline.CompleteAsync();
        await session.CompleteAsync(status, status == RunStatus.Succeeded ? null : "stopped on request", [("Line_A", report["history"])], CancellationToken.None);
    }

    public static async Task<List<LoggedRecord>> ReadAllAsync(IObjectStore store, string prefix = "", EventLogOptions? options = null, double until = double.PositiveInfinity)
    {
        var reader = await EventLogReader.OpenAsync(store, prefix, options);
        var records = new List<LoggedRecord>();
        await foreach (var record in reader.ReadAsync(until))
        {
            records.Add(record);
        }

        return records;
    }
}
