using ActorSim.Egress;
using ActorSim.Egress.Routing;
using ActorSim.Egress.Storage;
using ActorSim.Model.Records;
using ActorSim.Snapshots.EventLogs;
using ActorSim.Snapshots.Tests.Support;

namespace ActorSim.Snapshots.Tests;

/// <summary>Records written through the egress pipeline, in every shape it writes, read back as published.</summary>
public class EventLogRoundTripTests
{
    [Theory]
    [InlineData(ChunkFormat.Jsonl, true, false)]
    [InlineData(ChunkFormat.Jsonl, false, false)]
    [InlineData(ChunkFormat.Jsonl, true, true)]
    [InlineData(ChunkFormat.Jsonl, false, true)]
    [InlineData(ChunkFormat.Parquet, true, false)]
    [InlineData(ChunkFormat.Parquet, false, false)]
    [InlineData(ChunkFormat.Parquet, true, true)]
    [InlineData(ChunkFormat.Parquet, false, true)]
    public async Task Reader_should_give_back_the_published_records(ChunkFormat format, bool flatten, bool partitionByDate)
    {
        using var dir = new TempDirectory();
        var store = new LocalObjectStore(dir.Path);
        var published = SampleRecords.Lifecycles(130).ToList();
        await LogFiles.WriteAsync(published, LogFiles.Sink(store, LogFiles.Router(format, flatten, partitionByDate), format));

        var reader = await EventLogReader.OpenAsync(store);
        var chunks = new List<(string Path, LoggedRecord[] Records)>();
        await foreach (var chunk in reader.ReadChunksAsync())
        {
            chunks.Add((chunk.Path, chunk.Records.ToArray()));
        }

        var read = chunks.SelectMany(c => c.Records).ToList();
        Assert.Equal(Expected.Sorted(Expected.Of(published, SampleRecords.Start)), Expected.Sorted(read));
        Assert.Equal(reader.Selection.Chunks, chunks.Select(c => c.Path));
        Assert.Equal(chunks.Select(c => c.Path).Order(StringComparer.Ordinal), chunks.Select(c => c.Path));
        Assert.Equal(partitionByDate, chunks.All(c => c.Path.StartsWith("date=2026-01-0", StringComparison.Ordinal)));
        Assert.All(chunks, c => Assert.Equal(c.Records.Select(r => r.SimTime).Order(), c.Records.Select(r => r.SimTime)));
        Assert.Equal(format == ChunkFormat.Parquet ? DateTimeKind.Utc : DateTimeKind.Unspecified, read[0].Timestamp!.Value.Kind);
        Assert.Null(reader.Selection.Manifest);
        Assert.Contains("no _manifest.json", reader.Selection.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Parquet_with_events_and_telemetry_in_one_flattened_file_should_read_back()
    {
        using var dir = new TempDirectory();
        var store = new LocalObjectStore(dir.Path);
        var published = SampleRecords.Lifecycles(40).ToList();
        await LogFiles.WriteAsync(published, LogFiles.Sink(store, Routers.All("history.parquet").Flatten(), ChunkFormat.Parquet));

        var read = await LogFiles.ReadAllAsync(store);

        Assert.Equal(Expected.Of(published, SampleRecords.Start), read);
    }

    [Fact]
    public async Task Jsonl_with_events_and_telemetry_in_one_unflattened_file_should_read_back()
    {
        using var dir = new TempDirectory();
        var store = new LocalObjectStore(dir.Path);
        var start = new DateTime(2026, 3, 1, 6, 0, 0, DateTimeKind.Utc);
        var published = SampleRecords.Lifecycles(20).ToList();
        await LogFiles.WriteAsync(published, LogFiles.Sink(store, Routers.All("history.jsonl"), ChunkFormat.Jsonl), start);

        var read = await LogFiles.ReadAllAsync(store);

        Assert.Equal(Expected.Of(published, start), read);
        Assert.All(read, r => Assert.Equal(DateTimeKind.Utc, r.Timestamp!.Value.Kind));
        Assert.Equal(60, read.Count(r => r.IsLifecycle));
    }

    [Theory]
    [InlineData(ChunkFormat.Jsonl, true)]
    [InlineData(ChunkFormat.Jsonl, false)]
    [InlineData(ChunkFormat.Parquet, true)]
    [InlineData(ChunkFormat.Parquet, false)]
    public async Task Custom_events_should_come_back_with_no_status(ChunkFormat format, bool flatten)
    {
        using var dir = new TempDirectory();
        var store = new LocalObjectStore(dir.Path);
        var fields = new Dictionary<string, object?> { ["machine"] = "lathe-2", ["count"] = 3L };
        SimRecord[] published =
        [
            SimRecord.Event(0.5, RecordKey.Of("breakdown"), fields),
            SimRecord.Lifecycle(1.0, new RecordKey("task-", 1), "Line_A.service.milling", "queued"),
            SimRecord.Event(2.25, RecordKey.Of("shift"), new Dictionary<string, object?> { ["machine"] = "lathe-1", ["count"] = 4L }),
        ];
        var router = Routers.All($"events.{LogFiles.Extension(format)}");
        await LogFiles.WriteAsync(published, LogFiles.Sink(store, flatten ? router.Flatten() : router, format));

        var read = await LogFiles.ReadAllAsync(store);

        Assert.Equal(
            [
                new LoggedRecord(RecordKind.Event, 0.5, SampleRecords.Start.AddMilliseconds(500), "breakdown", null, null, null),
                new LoggedRecord(RecordKind.Event, 1.0, SampleRecords.Start.AddSeconds(1), "task-1", "Line_A.service.milling", "queued", null),
                new LoggedRecord(RecordKind.Event, 2.25, SampleRecords.Start.AddMilliseconds(2250), "shift", null, null, null),
            ],
            read);
    }

    [Fact]
    public async Task Telemetry_that_is_not_a_number_should_come_back_without_one()
    {
        using var dir = new TempDirectory();
        var store = new LocalObjectStore(dir.Path);
        SimRecord[] published =
        [
            SimRecord.Telemetry(1, "Line_A.resources.lathe.in_use", 2.5),
            SimRecord.Telemetry(2, "Line_A.state", "running"),
            SimRecord.Telemetry(3, "Line_A.resources.lathe.in_use", double.NaN),
            SimRecord.Telemetry(4, "Line_A.resources.lathe.count", 7L),
        ];
        await LogFiles.WriteAsync(published, LogFiles.Sink(store, Routers.All("telemetry.jsonl"), ChunkFormat.Jsonl));

        var read = await LogFiles.ReadAllAsync(store);

        Assert.Equal([2.5, null, null, 7.0], read.Select(r => r.Number));
        Assert.Equal(["Line_A.resources.lathe.in_use", "Line_A.state", "Line_A.resources.lathe.in_use", "Line_A.resources.lathe.count"], read.Select(r => r.PathId));
    }

    [Fact]
    public async Task Lines_in_folders_and_merged_names_should_all_be_found()
    {
        using var dir = new TempDirectory();
        var published = SampleRecords.Lifecycles(30).ToList();
        foreach (var line in new[] { "Line_A", "Line_B" })
        {
            await LogFiles.WriteAsync(published, LogFiles.Sink(new LocalObjectStore(Path.Combine(dir.Path, $"line={line}")), Routers.History("events.parquet"), ChunkFormat.Parquet));
            await LogFiles.WriteAsync(published, LogFiles.Sink(new LocalObjectStore(dir.Path), Routers.History("events.jsonl").WithFileSuffix(line), ChunkFormat.Jsonl));
        }

        var reader = await EventLogReader.OpenAsync(new LocalObjectStore(dir.Path));
        var read = new List<LoggedRecord>();
        await foreach (var r in reader.ReadAsync())
        {
            read.Add(r);
        }

        Assert.Equal(4 * 90, read.Count);
        Assert.Contains("events_Line_A_000001.jsonl", reader.Selection.Chunks);
        Assert.Contains("line=Line_B/events_000001.parquet", reader.Selection.Chunks);
    }
}
