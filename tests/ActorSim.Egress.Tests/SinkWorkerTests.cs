using ActorSim.Egress.Routing;
using ActorSim.Egress.Tests.Support;
using static ActorSim.Egress.Tests.Support.WorkerSteps;
using ActorSim.Model.Records;

namespace ActorSim.Egress.Tests;

/// <summary>A sink driven step by step, its routing half and its storing half in turn, as a line and its egress actor drive it.</summary>
public sealed class SinkWorkerTests
{
    [Theory]
    [InlineData(ChunkFormat.Jsonl)]
    [InlineData(ChunkFormat.Parquet)]
    public async Task Worker_should_store_the_same_chunks_as_an_egress_pipeline(ChunkFormat format)
    {
        var records = Records.Mixed(400).ToArray();
        var viaPipeline = new MemoryStore();
        var viaWorker = new MemoryStore();
        await Pipelines.RunAsync(records, Pipelines.Sink(viaPipeline, Routers.ByStreamType("events", "telemetry").DropLagMetric(), format, batchSize: 70));
        var worker = SinkWorker.ForSinks(Records.Start, [Pipelines.Sink(viaWorker, Routers.ByStreamType("events", "telemetry").DropLagMetric(), format, batchSize: 70)]).Single();

        // The storing half runs now and then, as an egress actor does when it gets to it.
        for (var i = 0; i < records.Length; i++)
        {
            worker.Add(in records[i]);
            if (i % 333 == 0)
            {
                await StoreAllAsync(worker);
            }
        }

        worker.FlushAll();
        await StoreAllAsync(worker);
        var report = worker.Report(TimeSpan.Zero);

        Assert.True(worker.IsIdle);
        Assert.Equal(records.Length, report.Written + report.Dropped);
        Assert.Equal(400, report.Dropped);
        Assert.Equal(viaPipeline.Objects.Keys.Order(StringComparer.Ordinal), viaWorker.Objects.Keys.Order(StringComparer.Ordinal));
        Assert.All(viaPipeline.Objects, o => Assert.Equal(o.Value, viaWorker.Objects[o.Key]));
    }

    [Fact]
    public void Worker_should_ask_its_handoff_for_room_before_each_batch_and_say_when_one_is_taken()
    {
        var sink = Pipelines.Sink(new GatedStore(), Routers.All("events.jsonl"), batchSize: 10, flushInterval: 0) with { MaxStoresInFlight = 1 };
        var worker = SinkWorker.ForSinks(Records.Start, [sink]).Single();
        var handoff = new CountingHandoff();
        worker.Handoff = handoff;

        AddAll(worker, Records.Lifecycles(10).ToArray());
        var queued = worker.QueuedBatches;
        var oldest = worker.Pump(CancellationToken.None);

        Assert.Equal((3, 3, 3), (handoff.Waits, handoff.Queued, queued));
        Assert.Equal(1, handoff.Taken);
        Assert.Equal(2, worker.QueuedBatches);
        Assert.NotNull(oldest);
        Assert.False(oldest.IsCompleted);
        Assert.False(worker.IsIdle);
    }

    [Fact]
    public void Worker_should_pass_on_a_handoff_refusal_as_it_is()
    {
        var worker = SinkWorker.ForSinks(Records.Start, [Pipelines.Sink(new MemoryStore(), Routers.All("events.jsonl"), batchSize: 10, flushInterval: 0)]).Single();
        worker.Handoff = new CountingHandoff { Refusal = new EgressStalledException("Sink 'test' stopped consuming") };

        var error = Assert.Throws<EgressStalledException>(() => AddAll(worker, Records.Lifecycles(10).ToArray()));

        Assert.Equal("Sink 'test' stopped consuming", error.Message);
        Assert.Equal(10, worker.Published);
    }

    [Fact]
    public async Task Worker_should_name_sink_chunk_and_store_when_a_store_fails()
    {
        var worker = SinkWorker.ForSinks(Records.Start, [Pipelines.Sink(new FailingStore(succeed: 1), Routers.All("events.jsonl"), batchSize: 10, flushInterval: 0)]).Single();
        AddAll(worker, Records.Lifecycles(10).ToArray());

        var error = await Assert.ThrowsAsync<EgressException>(() => StoreAllAsync(worker));

        Assert.Contains("Sink 'test' failed writing chunk 'events_000002.jsonl' to failing memory", error.Message, StringComparison.Ordinal);
        Assert.Contains("disk on fire", error.Message, StringComparison.Ordinal);
        Assert.Equal(20, error.RecordsNotWritten);
    }

    [Fact]
    public void Worker_should_name_the_sink_when_its_router_throws()
    {
        RecordRouter broken = (in SimRecord record, DateTime start) => throw new FormatException("no destination for this record");
        var worker = SinkWorker.ForSinks(Records.Start, [Pipelines.Sink(new MemoryStore(), broken)]).Single();

        var error = Assert.Throws<EgressException>(() => AddAll(worker, Records.Lifecycles(1).ToArray()));

        Assert.Equal("test", error.SinkName);
        Assert.Contains("Sink 'test': its router failed on a record at t=1.202s (2026-01-01T00:00:01.202): no destination for this record", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Workers_of_one_set_should_refuse_two_sinks_writing_one_destination()
    {
        var store = new MemoryStore();
        var workers = SinkWorker.ForSinks(Records.Start,
        [
            Pipelines.Sink(store, Routers.All("events.jsonl")) with { Name = "first" },
            Pipelines.Sink(store, Routers.All("events.jsonl")) with { Name = "second" },
        ]);
        var records = Records.Lifecycles(1).ToArray();
        AddAll(workers[0], records);

        var error = Assert.Throws<EgressException>(() => AddAll(workers[1], records));

        Assert.Contains("Sinks 'first' and 'second' both write destination 'events.jsonl'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Worker_set_should_refuse_two_sinks_of_one_name()
    {
        var sink = Pipelines.Sink(new MemoryStore(), Routers.All("events.jsonl"));

        var error = Assert.Throws<ArgumentException>(() => SinkWorker.ForSinks(Records.Start, [sink, sink]));

        Assert.Contains("Two sinks are named 'test'", error.Message, StringComparison.Ordinal);
    }

    /// <summary>Starts every waiting batch's store and counts each once it has landed, as an egress actor does between messages.</summary>
    /// <summary>Counts the calls; refuses room with <see cref="Refusal"/> when set.</summary>
    private sealed class CountingHandoff : IBatchHandoff
    {
        public Exception? Refusal { get; init; }

        public int Waits { get; private set; }

        public int Queued { get; private set; }

        public int Taken { get; private set; }

        public void WaitForRoom(SinkWorker worker)
        {
            Waits++;
            if (Refusal is not null)
            {
                throw Refusal;
            }
        }

        public void BatchQueued(SinkWorker worker) => Queued++;

        public void BatchTaken(SinkWorker worker) => Taken++;
    }
}
