using ActorSim.Egress.Checkpoints;
using ActorSim.Egress.Routing;
using ActorSim.Egress.Tests.Support;
using ActorSim.Model.Records;

namespace ActorSim.Egress.Tests;

/// <summary>A sink checkpointed midway, its state through bytes, and resumed in a new worker: the chunks of one that never stopped.</summary>
public sealed class SinkCheckpointTests
{
    [Theory]
    [InlineData(ChunkFormat.Jsonl, 0)]
    [InlineData(ChunkFormat.Parquet, 0)]
    [InlineData(ChunkFormat.Jsonl, 5.0)]
    [InlineData(ChunkFormat.Parquet, 5.0)]
    public async Task A_resumed_sink_should_write_the_chunks_of_a_sink_that_never_stopped(ChunkFormat format, double flushInterval)
    {
        var records = Records.Mixed(300).Concat(CustomEvents(40)).OrderBy(r => r.SimTime).ToArray();
        var router = Routers.ByStreamType("events", "telemetry");
        var whole = new MemoryStore();
        var split = new MemoryStore();
        var straight = Worker(whole, router, format, flushInterval, null);
        Feed(straight, records);
        straight.FlushAll();
        await StoreAllAsync(straight);

        var first = Worker(split, router, format, flushInterval, null);
        var half = records.Length / 2;
        Feed(first, records[..half]);
        await StoreAllAsync(first);
        var bytes = EgressCheckpointCodec.Write([first.Checkpoint()]);
        var second = Worker(split, router, format, flushInterval, EgressCheckpointCodec.Read(bytes));
        Feed(second, records[half..]);
        second.FlushAll();
        await StoreAllAsync(second);

        Assert.Contains(EgressCheckpointCodec.Read(bytes)[0].Destinations, d => d.Pending.Count > 0);
        Assert.Equal(whole.Objects.Keys.Order(StringComparer.Ordinal), split.Objects.Keys.Order(StringComparer.Ordinal));
        Assert.All(whole.Objects, o => Assert.Equal(o.Value, split.Objects[o.Key]));
        var (expected, actual) = (straight.Report(TimeSpan.Zero), second.Report(TimeSpan.Zero));
        Assert.Equal((expected.Published, expected.Written, expected.Dropped), (actual.Published, actual.Written, actual.Dropped));
        Assert.Equal(expected.Destinations, actual.Destinations);
    }

    [Fact]
    public void A_checkpoint_should_keep_each_value_with_its_exact_type()
    {
        var value = new Dictionary<string, object?>
        {
            ["s"] = "text", ["b"] = true, ["d"] = 1.5, ["f"] = 2.5f, ["l"] = 3L, ["i"] = 4, ["h"] = (short)5, ["u8"] = (byte)6,
            ["m"] = 7.25m, ["t"] = new DateTime(2026, 3, 1, 6, 0, 0, DateTimeKind.Utc), ["o"] = new DateTimeOffset(2026, 3, 1, 6, 0, 0, TimeSpan.FromHours(2)),
            ["n"] = null, ["list"] = new List<object?> { 1, "two" }, ["nested"] = new Dictionary<string, object?> { ["x"] = 1L },
        };
        var record = SimRecord.Event(12.5, new RecordKey("order-", 7), value);
        var checkpoint = new SinkCheckpoint("s", 1, 0, 0, [new DestinationCheckpoint("events.jsonl", false, 0, 1, 0, 0, 0, 12.5, [record])]);

        var read = EgressCheckpointCodec.Read(EgressCheckpointCodec.Write([checkpoint]))[0].Destinations[0].Pending[0];

        var fields = Assert.IsType<Dictionary<string, object?>>(read.Value);
        Assert.Equal(value.Keys, fields.Keys);
        Assert.All(value, f => Assert.Equal(f.Value?.GetType(), fields[f.Key]?.GetType()));
        Assert.Equal(value["o"], fields["o"]);
        Assert.Equal((12.5, "order-7"), (read.SimTime, read.Key.ToString()));
    }

    [Fact]
    public void A_checkpoint_should_refuse_a_value_it_cannot_keep_naming_sink_destination_and_type()
    {
        var record = SimRecord.Event(3, RecordKey.Of("k"), new Uri("http://example.com"));
        var checkpoint = new SinkCheckpoint("audit", 1, 0, 0, [new DestinationCheckpoint("events.jsonl", false, 0, 1, 0, 0, 0, 3, [record])]);

        var error = Assert.Throws<NotSupportedException>(() => EgressCheckpointCodec.Write([checkpoint]));

        Assert.Contains("Sink 'audit', destination 'events.jsonl'", error.Message, StringComparison.Ordinal);
        Assert.Contains("System.Uri", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_checkpoint_should_be_refused_while_a_full_batch_waits_to_be_stored()
    {
        var worker = Worker(new MemoryStore(), Routers.All("events.jsonl"), ChunkFormat.Jsonl, 0, null);
        Feed(worker, Records.Lifecycles(40).ToArray());

        var error = Assert.Throws<InvalidOperationException>(() => worker.Checkpoint());
        await StoreAllAsync(worker);

        Assert.Contains("batches queued", error.Message, StringComparison.Ordinal);
        Assert.NotNull(worker.Checkpoint());
    }

    [Fact]
    public void Resuming_should_refuse_a_checkpoint_of_other_sinks()
    {
        var checkpoint = new SinkCheckpoint("other", 0, 0, 0, []);

        var error = Assert.Throws<ArgumentException>(() =>
            SinkWorker.ForSinks(Records.Start, [Pipelines.Sink(new MemoryStore(), Routers.All("events.jsonl"))], [checkpoint]));

        Assert.Contains("holds sinks other, but the run has test", error.Message, StringComparison.Ordinal);
    }

    private static IEnumerable<SimRecord> CustomEvents(int count) =>
        Enumerable.Range(0, count).Select(i => SimRecord.Event(i * 1.7, new RecordKey("order-", i), new Dictionary<string, object?> { ["qty"] = i, ["ok"] = i % 2 == 0, ["note"] = "n" + i }));

    private static SinkWorker Worker(MemoryStore store, RecordRouter router, ChunkFormat format, double flushInterval, IReadOnlyList<SinkCheckpoint>? resume) =>
        SinkWorker.ForSinks(Records.Start, [Pipelines.Sink(store, router, format, batchSize: 37, flushInterval: flushInterval)], resume).Single();

    private static void Feed(SinkWorker worker, SimRecord[] records)
    {
        foreach (var record in records)
        {
            worker.Add(in record);
        }
    }

    private static async Task StoreAllAsync(SinkWorker worker)
    {
        for (var oldest = worker.Pump(CancellationToken.None); oldest is not null; oldest = worker.Pump(CancellationToken.None))
        {
            await oldest;
            worker.LandOldest();
        }
    }
}
