using System.Diagnostics;
using ActorSim.Egress.Routing;
using ActorSim.Egress.Storage;
using ActorSim.Egress.Tests.Support;
using ActorSim.Model.Records;

namespace ActorSim.Egress.Tests;

public class EgressPipelineTests
{
    [Fact]
    public async Task Batch_size_should_cut_chunks_with_deterministic_names()
    {
        var store = new MemoryStore();
        var report = await Pipelines.RunAsync(Records.Lifecycles(100), Pipelines.Sink(store, Routers.History("out/events.jsonl"), batchSize: 120, flushInterval: 0));

        Assert.Equal(["out/events_000001.jsonl", "out/events_000002.jsonl", "out/events_000003.jsonl"], await store.ListAsync("", default));
        Assert.Equal([120, 120, 60], store.Objects.OrderBy(o => o.Key).Select(o => Pipelines.JsonLines(store, o.Key).Count));
        Assert.Equal(new Reports.DestinationReport("out/events.jsonl", 300, 300, 3, store.Objects.Values.Sum(v => v.Length)), report["test"].Destinations.Single());
    }

    [Fact]
    public async Task Flush_interval_should_cut_batches_on_sim_time_not_wall_time()
    {
        var store = new MemoryStore();
        // 100 tasks 0.5 s apart = ~50 sim-seconds; flush every 10 sim-seconds, batches never full.
        var report = await Pipelines.RunAsync(Records.Lifecycles(100), Pipelines.Sink(store, Routers.History("e.jsonl"), batchSize: 10_000, flushInterval: 10));

        var chunks = store.Objects.OrderBy(o => o.Key).Select(o => Pipelines.JsonLines(store, o.Key)).ToList();
        Assert.Equal(5, chunks.Count);
        Assert.All(chunks, c => Assert.True(c[^1].GetProperty("sim_ts").GetDouble() - c[0].GetProperty("sim_ts").GetDouble() < 10));
        Assert.Equal(300, report["test"].Written);
    }

    [Fact]
    public async Task Flush_interval_should_also_flush_quiet_destinations()
    {
        var store = new MemoryStore();
        SimRecord[] records = [SimRecord.Telemetry(0, "a", 1.0), SimRecord.Lifecycle(0.5, RecordKey.Of("t"), "s", "queued"), SimRecord.Lifecycle(5, RecordKey.Of("t"), "s", "started")];
        await using var pipeline = new EgressPipeline(Records.Start, [Pipelines.Sink(store, Routers.ByStreamType("e.jsonl", "t.jsonl"), batchSize: 100, flushInterval: 1)]);

        pipeline.PublishAll(records);
        await Probe.UntilAsync(() => Task.FromResult(store.Objects.ContainsKey("t_000001.jsonl")), TimeSpan.FromSeconds(10), () => "telemetry batch not flushed by sim time");

        Assert.True(store.Objects.ContainsKey("e_000001.jsonl"));
        Assert.Equal(3, (await pipeline.CompleteAsync())["test"].Written);
    }

    [Fact]
    public async Task Every_sink_should_get_every_record_with_its_own_router()
    {
        var a = new MemoryStore();
        var b = new MemoryStore();
        var report = await Pipelines.RunAsync(Records.Mixed(50),
            Pipelines.Sink(a, Routers.History("events.jsonl")) with { Name = "history" },
            Pipelines.Sink(b, Routers.ByStreamType("events.parquet", "telemetry.parquet").DropLagMetric(), ChunkFormat.Parquet, batchSize: 1000) with { Name = "all" });

        Assert.Equal((250L, 150L, 100L), (report["history"].Published, report["history"].Written, report["history"].Dropped));
        Assert.Equal((250L, 200L, 50L), (report["all"].Published, report["all"].Written, report["all"].Dropped));
        Assert.Equal(["events.parquet", "telemetry.parquet"], report["all"].Destinations.Select(d => d.Destination));
        Assert.Equal(150, Pipelines.JsonLines(a).Count);
    }

    [Fact]
    public async Task Same_records_should_give_byte_identical_files()
    {
        using var temp = new TempDirectory();
        foreach (var run in new[] { "one", "two" })
        {
            await Pipelines.RunAsync(Records.Mixed(3000),
                Pipelines.Sink(new LocalObjectStore(temp.Sub(run + "/pq")), Routers.ByStreamType("events.parquet", "telemetry.parquet").Flatten(), ChunkFormat.Parquet, 2000, 0),
                Pipelines.Sink(new LocalObjectStore(temp.Sub(run + "/jl")), Routers.History("events.jsonl"), ChunkFormat.Jsonl, 2000, 0) with { Name = "jsonl" });
        }

        var one = Directory.GetFiles(temp.Sub("one"), "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        var two = Directory.GetFiles(temp.Sub("two"), "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(one.Select(f => Path.GetRelativePath(temp.Sub("one"), f)), two.Select(f => Path.GetRelativePath(temp.Sub("two"), f)));
        Assert.True(one.Count > 6);
        Assert.All(one.Zip(two), p => Assert.Equal(File.ReadAllBytes(p.First), File.ReadAllBytes(p.Second)));
    }

    [Fact]
    public async Task Slow_sink_should_lose_nothing_and_slow_the_publisher()
    {
        var store = new SlowStore(TimeSpan.FromMilliseconds(15));
        var sink = Pipelines.Sink(store, Routers.History("e.jsonl"), batchSize: 10, flushInterval: 0) with { MaxQueuedBatches = 2, MaxStoresInFlight = 1 };
        await using var pipeline = new EgressPipeline(Records.Start, [sink]);

        var watch = Stopwatch.StartNew();
        pipeline.PublishAll(Records.Lifecycles(100));
        var publishing = watch.Elapsed;
        var report = await pipeline.CompleteAsync();

        Assert.True(publishing >= TimeSpan.FromMilliseconds(15 * 20), $"publisher was not held back ({publishing.TotalMilliseconds} ms)");
        Assert.Equal((300L, 300L, 0L, 30), (report["test"].Published, report["test"].Written, report["test"].NotWritten, report["test"].Chunks));
        Assert.Equal(300, Pipelines.JsonLines(store).Count);
    }

    [Fact]
    public async Task Slow_sink_should_report_the_time_the_publisher_was_blocked_and_lose_nothing()
    {
        var store = new SlowStore(TimeSpan.FromMilliseconds(15));
        var sink = Pipelines.Sink(store, Routers.History("e.jsonl"), batchSize: 10, flushInterval: 0) with { MaxQueuedBatches = 2, MaxStoresInFlight = 1 };
        await using var pipeline = new EgressPipeline(Records.Start, [sink]);

        var watch = Stopwatch.StartNew();
        pipeline.PublishAll(Records.Lifecycles(100));
        var publishing = watch.Elapsed;
        var blocked = pipeline.PublishBlocked;
        var report = await pipeline.CompleteAsync();

        // 30 chunks at 15 ms each, at most four ahead of the publisher (two queued, one encoded, one storing).
        Assert.InRange(blocked, TimeSpan.FromMilliseconds(15 * 20), publishing);
        Assert.Equal(pipeline.PublishBlocked.TotalSeconds, report["test"].BlockedSeconds);
        Assert.Equal(report["test"].BlockedSeconds, report.BlockedSeconds);
        Assert.Equal((300L, 300L, 0L), (report["test"].Published, report["test"].Written, report["test"].NotWritten));
        Assert.Equal(300, Pipelines.JsonLines(store).Count);
    }

    [Fact]
    public async Task Fast_sink_with_room_in_its_queue_should_never_block_the_publisher()
    {
        var store = new MemoryStore();
        var sink = Pipelines.Sink(store, Routers.History("e.jsonl"), batchSize: 10, flushInterval: 0) with { MaxQueuedBatches = 1000 };
        await using var pipeline = new EgressPipeline(Records.Start, [sink]);

        pipeline.PublishAll(Records.Lifecycles(1000));
        var report = await pipeline.CompleteAsync();

        Assert.Equal(TimeSpan.Zero, pipeline.PublishBlocked);
        Assert.Equal(0, report["test"].BlockedSeconds);
        Assert.Equal(3000, report["test"].Written);
    }

    [Fact]
    public async Task Queued_batches_should_count_what_waits_for_the_writer_and_drain_to_zero()
    {
        var store = new GatedStore();
        var sink = Pipelines.Sink(store, Routers.History("e.jsonl"), batchSize: 10, flushInterval: 0) with { MaxQueuedBatches = 4, MaxStoresInFlight = 1 };
        await using var pipeline = new EgressPipeline(Records.Start, [sink]);

        // Fifty records, five full batches: the writer holds two (one storing behind the gate, one encoded), three wait in the queue.
        pipeline.PublishAll(Records.Lifecycles(20).Take(50));
        await Probe.UntilAsync(() => Task.FromResult(pipeline.QueuedBatches == 3), TimeSpan.FromSeconds(10), () => $"{pipeline.QueuedBatches} batches queued, expected 3");
        var progress = pipeline.Progress().Single();
        store.Open();
        var report = await pipeline.CompleteAsync();

        // The publisher may have waited a moment for the writer to take its first batches; nothing else is asserted on it.
        Assert.Equal(("test", 0L, 3), (progress.Sink, progress.Written, progress.QueuedBatches));
        Assert.Equal(0, pipeline.QueuedBatches);
        Assert.Equal(50, pipeline.RecordsWritten);
        Assert.Equal(50, report["test"].Written);
    }

    [Fact]
    public async Task Stalled_sink_should_fail_publish_within_the_timeout_with_counts()
    {
        var store = new StalledStore();
        var sink = Pipelines.Sink(store, Routers.History("e.jsonl"), batchSize: 10, flushInterval: 0) with
        {
            Name = "stuck", MaxQueuedBatches = 2, StallTimeout = TimeSpan.FromSeconds(1), MaxStoresInFlight = 1,
        };
        var pipeline = new EgressPipeline(Records.Start, [sink]);
        var records = Records.Lifecycles(100).ToArray();

        // Two batches fit the queue without waiting; once the writer holds both (one storing, the next encoded), the
        // rest fills the queue, so the count no longer depends on when the machine schedules the writer.
        pipeline.PublishAll(records.Take(20));
        await WriterHoldsAsync(pipeline, store, stores: 1);
        var watch = Stopwatch.StartNew();
        var error = Assert.Throws<EgressStalledException>(() => pipeline.PublishAll(records.Skip(20)));

        Assert.InRange(watch.Elapsed, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(15));
        Assert.Equal("stuck", error.SinkName);
        Assert.Contains("Sink 'stuck' stopped consuming", error.Message, StringComparison.Ordinal);
        // With one store in flight: two batches in the writer (one storing, the next encoded), two queued, the fifth
        // waiting to be queued.
        Assert.Equal(1, store.Calls);
        Assert.Equal(50, error.RecordsNotWritten);
        Assert.Contains("50 records not written", error.Message, StringComparison.Ordinal);
        Assert.Throws<EgressException>(() => pipeline.Publish(records[0]));
        await pipeline.DisposeAsync();
    }

    [Fact]
    public async Task Stalled_sink_with_four_stores_in_flight_should_hold_at_most_four_and_count_every_record()
    {
        var store = new StalledStore();
        var sink = Pipelines.Sink(store, Routers.History("e.jsonl"), batchSize: 10, flushInterval: 0) with
        {
            Name = "stuck", MaxQueuedBatches = 2, StallTimeout = TimeSpan.FromSeconds(1), MaxStoresInFlight = 4,
        };
        var pipeline = new EgressPipeline(Records.Start, [sink]);
        var records = Records.Lifecycles(100).ToArray();

        // Fed two batches at a time (what the queue takes without waiting) until the writer holds five: four storing
        // and a fifth encoded, waiting for room.
        pipeline.PublishAll(records.Take(20));
        await WriterHoldsAsync(pipeline, store, stores: 2);
        pipeline.PublishAll(records.Skip(20).Take(20));
        await WriterHoldsAsync(pipeline, store, stores: 4);
        pipeline.PublishAll(records.Skip(40).Take(10));
        await WriterHoldsAsync(pipeline, store, stores: 4);
        var error = Assert.Throws<EgressStalledException>(() => pipeline.PublishAll(records.Skip(50)));

        // Nothing is ever written, so every record published is counted: four storing, a fifth encoded, two queued and
        // an eighth waiting = 80 records; no fifth store was started.
        Assert.Equal(4, store.Calls);
        Assert.Equal(80, error.RecordsNotWritten);
        await pipeline.DisposeAsync();
    }

    /// <summary>Waits until the writer has taken every queued batch and started <paramref name="stores"/> stores.</summary>
    private static Task WriterHoldsAsync(EgressPipeline pipeline, StalledStore store, int stores) =>
        Probe.UntilAsync(() => Task.FromResult(pipeline.QueuedBatches == 0 && Volatile.Read(ref store.Calls) == stores), TimeSpan.FromSeconds(30),
            () => $"{pipeline.QueuedBatches} batches queued and {store.Calls} stores started, expected 0 and {stores}");

    [Fact]
    public async Task Stalled_sink_should_fail_teardown_within_the_timeout()
    {
        var store = new StalledStore();
        var sink = Pipelines.Sink(store, Routers.History("e.jsonl"), batchSize: 1000) with { StallTimeout = TimeSpan.FromSeconds(1) };
        var pipeline = new EgressPipeline(Records.Start, [sink]);
        pipeline.PublishAll(Records.Lifecycles(10));

        var watch = Stopwatch.StartNew();
        var error = await Assert.ThrowsAsync<EgressStalledException>(pipeline.CompleteAsync);

        Assert.InRange(watch.Elapsed, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(10));
        Assert.Equal(30, error.RecordsNotWritten);
        Assert.Contains("draining its queue at teardown", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Failing_store_should_fail_the_next_publish_or_teardown_with_the_cause_and_count()
    {
        var store = new FailingStore(succeed: 2);
        var sink = Pipelines.Sink(store, Routers.History("e.jsonl"), batchSize: 10, flushInterval: 0) with { Name = "disk" };
        var pipeline = new EgressPipeline(Records.Start, [sink]);

        EgressException? error = null;
        try
        {
            pipeline.PublishAll(Records.Lifecycles(100));
            await pipeline.CompleteAsync();
        }
        catch (EgressException ex)
        {
            error = ex;
        }

        Assert.NotNull(error);
        Assert.Equal("disk", error.SinkName);
        Assert.Contains("disk on fire", error.Message, StringComparison.Ordinal);
        Assert.Contains("e_000003.jsonl", error.Message, StringComparison.Ordinal);
        Assert.IsType<ObjectStoreException>(error.InnerException);
        Assert.True(error.RecordsNotWritten > 0);
        Assert.Equal(20, Pipelines.JsonLines(store).Count);
        await pipeline.DisposeAsync();
    }

    [Fact]
    public async Task Dispose_without_teardown_should_still_write_everything()
    {
        var store = new MemoryStore();
        await using (var pipeline = new EgressPipeline(Records.Start, [Pipelines.Sink(store, Routers.History("e.jsonl"))]))
        {
            pipeline.PublishAll(Records.Lifecycles(10));
        }

        Assert.Equal(30, Pipelines.JsonLines(store).Count);
    }

    [Fact]
    public async Task Publish_after_teardown_should_fail()
    {
        await using var pipeline = new EgressPipeline(Records.Start, [Pipelines.Sink(new MemoryStore(), Routers.History("e.jsonl"))]);
        var report = pipeline.Complete();

        Assert.Equal(0, report["test"].Published);
        Assert.Throws<EgressException>(() => pipeline.Publish(Records.Lifecycles(1).First()));
    }

    [Fact]
    public void Invalid_sink_options_should_name_the_setting()
    {
        var sink = Pipelines.Sink(new MemoryStore(), Routers.History()) with { BatchSize = 0 };

        var error = Assert.Throws<ArgumentException>(() => new EgressPipeline(Records.Start, [sink]));

        Assert.Equal("BatchSize", error.ParamName);
        Assert.Contains("batch_size", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Flattened_and_unflattened_records_for_one_destination_should_be_refused()
    {
        var router = Routers.All("e.jsonl");
        RecordRouter mixed = (in SimRecord r, DateTime s) => router(in r, s) with { Flatten = r.Status == "queued" };
        await using var pipeline = new EgressPipeline(Records.Start, [Pipelines.Sink(new MemoryStore(), mixed)]);

        var error = Assert.Throws<EgressException>(() => pipeline.PublishAll(Records.Lifecycles(1)));

        Assert.Contains("'e.jsonl'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_sinks_writing_one_destination_of_one_store_should_be_refused()
    {
        using var temp = new TempDirectory();
        await using var pipeline = new EgressPipeline(Records.Start,
        [
            Pipelines.Sink(new LocalObjectStore(temp.Path), Routers.History("e.jsonl")) with { Name = "a" },
            Pipelines.Sink(new LocalObjectStore(temp.Path), Routers.History("e.jsonl")) with { Name = "b" },
        ]);

        var error = Assert.Throws<EgressException>(() => pipeline.PublishAll(Records.Lifecycles(1)));

        Assert.Contains("Sinks 'a' and 'b' both write destination 'e.jsonl'", error.Message, StringComparison.Ordinal);
    }
}
