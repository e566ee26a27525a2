using ActorSim.Egress;
using ActorSim.Egress.Storage;
using ActorSim.Snapshots.EventLogs;
using ActorSim.Snapshots.Tests.Support;

namespace ActorSim.Snapshots.Tests;

/// <summary>A time bound: records at or after it are left out, and chunks that can only hold such records are not fetched.</summary>
public class EventLogUntilTests
{
    [Theory]
    [InlineData(ChunkFormat.Jsonl, false)]
    [InlineData(ChunkFormat.Jsonl, true)]
    [InlineData(ChunkFormat.Parquet, false)]
    [InlineData(ChunkFormat.Parquet, true)]
    public async Task Records_before_the_bound_should_be_read_and_later_chunks_not_fetched(ChunkFormat format, bool partitionByDate)
    {
        using var dir = new TempDirectory();
        var local = new LocalObjectStore(dir.Path);
        var published = SampleRecords.Lifecycles(130).ToList();
        await LogFiles.WriteAsync(published, LogFiles.Sink(local, LogFiles.Router(format, flatten: false, partitionByDate), format));
        var store = new CountingStore(local);
        const double until = 20_005.0; // task 10's queued (at 20005.0) is the first record left out

        var all = (await EventLogReader.OpenAsync(store)).Selection.Chunks;
        var read = await LogFiles.ReadAllAsync(store, until: until);

        Assert.Equal(Expected.Sorted(Expected.Of(published, SampleRecords.Start).Where(r => r.SimTime < until)), Expected.Sorted(read));
        Assert.Equal(50, read.Count);
        // Each stream's first chunk, which reaches the bound, and at most those fetched ahead of it; no later day's.
        Assert.InRange(store.Reads.Count, 2, 2 * (1 + ActorSim.Snapshots.EventLogs.Internal.ChunkReadAhead.Depth));
        Assert.DoesNotContain(store.Reads, p => p.Contains("_000004", StringComparison.Ordinal) || p.StartsWith("date=2026-01-02", StringComparison.Ordinal));
        Assert.True(all.Count > 10, $"{all.Count} chunks");
    }

    [Fact]
    public async Task A_bound_of_zero_should_read_nothing_and_NaN_should_be_refused()
    {
        using var dir = new TempDirectory();
        var store = new LocalObjectStore(dir.Path);
        await LogFiles.WriteAsync(SampleRecords.Lifecycles(10), LogFiles.Sink(store, LogFiles.Router(ChunkFormat.Jsonl, true, false), ChunkFormat.Jsonl));

        Assert.Empty(await LogFiles.ReadAllAsync(store, until: 0));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => LogFiles.ReadAllAsync(store, until: double.NaN));
    }

    [Fact]
    public async Task A_broken_chunk_fetched_ahead_but_never_needed_should_not_fail_the_read()
    {
        using var dir = new TempDirectory();
        var store = new LocalObjectStore(dir.Path);
        await LogFiles.WriteAsync(SampleRecords.Lifecycles(60, telemetry: false), LogFiles.Sink(store, LogFiles.Router(ChunkFormat.Jsonl, true, false), ChunkFormat.Jsonl));
        await File.WriteAllTextAsync(dir.Sub("events_000002.jsonl"), "{\"stream_type\":");

        var bounded = await LogFiles.ReadAllAsync(store, until: 10_000);
        var reader = await EventLogReader.OpenAsync(store);
        var first = new List<string>();
        await foreach (var chunk in reader.ReadChunksAsync())
        {
            first.Add(chunk.Path);
            break;
        }

        Assert.Equal(15, bounded.Count);
        Assert.Equal(["events_000001.jsonl"], first);
        await Assert.ThrowsAsync<EventLogException>(() => LogFiles.ReadAllAsync(store));
    }
}
