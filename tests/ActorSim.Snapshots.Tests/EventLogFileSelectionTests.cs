using System.Text;
using ActorSim.Egress;
using ActorSim.Egress.Destinations;
using ActorSim.Egress.Storage;
using ActorSim.Snapshots.EventLogs;
using ActorSim.Snapshots.Tests.Support;

namespace ActorSim.Snapshots.Tests;

/// <summary>Destinations without a manifest: every chunk file, nothing hidden, in path order.</summary>
public class EventLogFileSelectionTests
{
    [Fact]
    public async Task Leftover_temporary_files_markers_and_locks_should_be_skipped()
    {
        using var dir = new TempDirectory();
        var store = new LocalObjectStore(dir.Path);
        var published = SampleRecords.Lifecycles(130).ToList();
        await LogFiles.WriteAsync(published, LogFiles.Sink(store, LogFiles.Router(ChunkFormat.Jsonl, flatten: true, partitionByDate: true), ChunkFormat.Jsonl));
        await File.WriteAllTextAsync(Path.Combine(dir.Path, "date=2026-01-02", ".events_000009.jsonl.4242.tmp"), "{\"stream_type\":\"ev");
        await File.WriteAllTextAsync(Path.Combine(dir.Path, DestinationSession.LockFile), "{}");
        await File.WriteAllTextAsync(Path.Combine(dir.Path, DestinationSession.SuccessFile), string.Empty);
        await File.WriteAllTextAsync(Path.Combine(dir.Path, "notes.txt"), "not a chunk");

        var reader = await EventLogReader.OpenAsync(store);
        var read = await LogFiles.ReadAllAsync(store);

        Assert.Equal(Expected.Sorted(Expected.Of(published, SampleRecords.Start)), Expected.Sorted(read));
        Assert.All(reader.Selection.Chunks, c => Assert.DoesNotContain(".tmp", c, StringComparison.Ordinal));
        Assert.Equal(["notes.txt"], reader.Selection.Ignored);
        Assert.True(reader.Selection.Locked);
        Assert.Contains("a run may still be writing", reader.Selection.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hidden_files_an_S3_listing_shows_should_be_skipped_too()
    {
        var store = new MemoryStore();
        await store.PutAsync("events_000001.jsonl", Encoding.UTF8.GetBytes("{\"stream_type\":\"event\",\"sim_ts\":1.0,\"key\":\"task-1\"}\n"), default);
        await store.PutAsync(".events_000002.jsonl.77.tmp", Encoding.UTF8.GetBytes("{\"stream"), default);
        await store.PutAsync("_temporary/events_000003.jsonl", Encoding.UTF8.GetBytes("{\"stream"), default);

        var read = await LogFiles.ReadAllAsync(store);

        Assert.Equal("task-1", Assert.Single(read).Key);
    }

    [Fact]
    public async Task A_prefix_should_choose_one_destination_of_a_store()
    {
        using var dir = new TempDirectory();
        var published = SampleRecords.Lifecycles(10).ToList();
        await LogFiles.WriteAsync(published, LogFiles.Sink(new LocalObjectStore(dir.Sub("runs/1")), LogFiles.Router(ChunkFormat.Parquet, true, false), ChunkFormat.Parquet));
        await LogFiles.WriteAsync(published, LogFiles.Sink(new LocalObjectStore(dir.Sub("runs/10")), LogFiles.Router(ChunkFormat.Parquet, true, false), ChunkFormat.Parquet));

        var reader = await EventLogReader.OpenAsync(new LocalObjectStore(dir.Path), "runs/1/");

        Assert.Equal(["events_000001.parquet", "telemetry_000001.parquet"], reader.Selection.Chunks);
        Assert.EndsWith("/runs/1", reader.Selection.Destination, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_empty_destination_should_be_refused_naming_it()
    {
        using var dir = new TempDirectory();
        await File.WriteAllTextAsync(dir.Sub("readme.md"), "nothing here");

        var e = await Assert.ThrowsAsync<EventLogException>(() => EventLogReader.OpenAsync(new LocalObjectStore(dir.Path)));

        Assert.Contains(dir.Path, e.Message, StringComparison.Ordinal);
        Assert.Contains("no chunk files", e.Message, StringComparison.Ordinal);
        Assert.Contains("readme.md", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_chunk_named_without_an_extension_should_be_read_by_its_bytes_when_a_manifest_lists_it()
    {
        using var dir = new TempDirectory();
        var store = new LocalObjectStore(dir.Path);
        var run = new RunDescription("run-1", "Line_A", "builtin:Line_A"u8.ToArray(), 1, SampleRecords.Start, 600, "reference");
        var session = await DestinationSession.OpenAsync(store, dir.Path, WriteMode.New, run, default);
        var published = SampleRecords.Lifecycles(3, telemetry: false).ToList();
        await LogFiles.WriteAsync(published, LogFiles.Sink(store, ActorSim.Egress.Routing.Routers.All("events"), ChunkFormat.Parquet) with { ChunkLog = session.ChunkLogFor("Line_A") });
        await session.CompleteAsync(RunStatus.Succeeded, null, null, default);

        var read = await LogFiles.ReadAllAsync(store);

        Assert.Equal(Expected.Of(published, SampleRecords.Start), read);
    }
}
