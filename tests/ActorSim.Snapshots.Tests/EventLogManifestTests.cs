using ActorSim.Egress;
using ActorSim.Egress.Destinations;
using ActorSim.Egress.Storage;
using ActorSim.Snapshots.EventLogs;
using ActorSim.Snapshots.Tests.Support;

namespace ActorSim.Snapshots.Tests;

/// <summary>Destinations with a manifest: only the chunks it lists for the runs asked for are read.</summary>
public class EventLogManifestTests
{
    [Theory]
    [InlineData(ChunkFormat.Jsonl)]
    [InlineData(ChunkFormat.Parquet)]
    public async Task A_chunk_the_manifest_does_not_list_should_not_be_read(ChunkFormat format)
    {
        using var dir = new TempDirectory();
        var store = new LocalObjectStore(dir.Path);
        var published = SampleRecords.Lifecycles(50).ToList();
        await LogFiles.WriteRunAsync(store, "run-1", published, format);
        var stray = $"events_000099.{LogFiles.Extension(format)}";
        File.Copy(Path.Combine(dir.Path, $"events_000001.{LogFiles.Extension(format)}"), Path.Combine(dir.Path, stray));

        var reader = await EventLogReader.OpenAsync(store);
        var read = await LogFiles.ReadAllAsync(store);

        Assert.Equal(Expected.Sorted(Expected.Of(published, SampleRecords.Start)), Expected.Sorted(read));
        Assert.DoesNotContain(stray, reader.Selection.Chunks);
        Assert.Equal([stray], reader.Selection.Ignored);
        Assert.Equal("run-1", Assert.Single(reader.Selection.Runs).RunId);
        Assert.NotNull(reader.Selection.Manifest);
        var description = reader.Selection.Describe();
        Assert.Contains("listed in", description, StringComparison.Ordinal);
        Assert.Contains("_manifest.json", description, StringComparison.Ordinal);
        Assert.Contains($"ignored 1 file (e.g. '{stray}')", description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Appended_runs_should_all_be_read_or_one_by_its_id()
    {
        using var dir = new TempDirectory();
        var store = new LocalObjectStore(dir.Path);
        var first = SampleRecords.Lifecycles(20).ToList();
        var second = SampleRecords.Lifecycles(30).ToList();
        await LogFiles.WriteRunAsync(store, "run-1", first, ChunkFormat.Parquet);
        await LogFiles.WriteRunAsync(store, "run-2", second, ChunkFormat.Parquet, WriteMode.Append);

        var all = await EventLogReader.OpenAsync(store);
        var both = await LogFiles.ReadAllAsync(store);
        var onlySecond = await LogFiles.ReadAllAsync(store, options: new EventLogOptions { RunId = "run-2" });

        Assert.Equal(["run-1", "run-2"], all.Selection.Runs.Select(r => r.RunId));
        Assert.Contains(all.Selection.Chunks, c => c.StartsWith("events_run-2_", StringComparison.Ordinal));
        Assert.Equal(Expected.Sorted(Expected.Of(first.Concat(second), SampleRecords.Start)), Expected.Sorted(both));
        Assert.Equal(Expected.Sorted(Expected.Of(second, SampleRecords.Start)), Expected.Sorted(onlySecond));
        var chunks = new List<EventLogChunk>();
        await foreach (var chunk in all.ReadChunksAsync())
        {
            chunks.Add(chunk);
        }

        Assert.Equal(["run-1", "run-2"], chunks.Select(c => c.RunId).Distinct());
    }

    [Fact]
    public async Task A_stopped_run_should_be_skipped_unless_unfinished_runs_are_asked_for()
    {
        using var dir = new TempDirectory();
        var store = new LocalObjectStore(dir.Path);
        await LogFiles.WriteRunAsync(store, "run-1", SampleRecords.Lifecycles(20), ChunkFormat.Jsonl, status: RunStatus.Stopped);

        var skipping = await EventLogReader.OpenAsync(store);
        var including = await LogFiles.ReadAllAsync(store, options: new EventLogOptions { IncludeUnfinishedRuns = true });
        var asked = await Assert.ThrowsAsync<EventLogException>(() => EventLogReader.OpenAsync(store, options: new EventLogOptions { RunId = "run-1" }));

        Assert.Empty(skipping.Selection.Chunks);
        Assert.Equal("run-1", Assert.Single(skipping.Selection.SkippedRuns).RunId);
        Assert.Contains("skipped 1 run [run-1 (stopped)]", skipping.Selection.Describe(), StringComparison.Ordinal);
        Assert.Equal(skipping.Selection.SkippedRuns[0].Chunks.Select(c => c.Path), skipping.Selection.Ignored);
        Assert.Equal(100, including.Count);
        Assert.Contains("was stopped", asked.Message, StringComparison.Ordinal);
        Assert.Contains("IncludeUnfinishedRuns", asked.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_run_id_the_manifest_lacks_should_be_refused_naming_those_it_has()
    {
        using var dir = new TempDirectory();
        var store = new LocalObjectStore(dir.Path);
        await LogFiles.WriteRunAsync(store, "run-1", SampleRecords.Lifecycles(5), ChunkFormat.Jsonl);

        var e = await Assert.ThrowsAsync<EventLogException>(() => EventLogReader.OpenAsync(store, options: new EventLogOptions { RunId = "run-9" }));

        Assert.Contains("lists no run 'run-9'", e.Message, StringComparison.Ordinal);
        Assert.Contains("'run-1'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_listed_chunk_that_is_missing_should_be_named()
    {
        using var dir = new TempDirectory();
        var store = new LocalObjectStore(dir.Path);
        await LogFiles.WriteRunAsync(store, "run-1", SampleRecords.Lifecycles(50), ChunkFormat.Jsonl);
        File.Delete(Path.Combine(dir.Path, "events_000002.jsonl"));

        var e = await Assert.ThrowsAsync<EventLogException>(() => EventLogReader.OpenAsync(store));

        Assert.Equal("events_000002.jsonl", e.File);
        Assert.Contains("lists 'events_000002.jsonl' (run run-1", e.Message, StringComparison.Ordinal);
        Assert.Contains(dir.Path, e.Message, StringComparison.Ordinal);
    }
}
