using ActorSim.Egress.Checkpoints;
using ActorSim.Egress.Routing;
using ActorSim.Egress.Tests.Support;
using static ActorSim.Egress.Tests.Support.WorkerSteps;
using ActorSim.Model.Records;

namespace ActorSim.Egress.Tests;

/// <summary>A sink checkpointed twice, its counters through bytes, and replayed from the first past the second in a new worker: the chunks of one that never stopped.</summary>
public sealed class SinkCheckpointTests
{
    [Theory]
    [InlineData(ChunkFormat.Jsonl, 0)]
    [InlineData(ChunkFormat.Parquet, 0)]
    [InlineData(ChunkFormat.Jsonl, 5.0)]
    [InlineData(ChunkFormat.Parquet, 5.0)]
    public async Task A_sink_replayed_from_one_checkpoint_past_another_should_write_the_chunks_of_a_sink_that_never_stopped(ChunkFormat format, double flushInterval)
    {
        var records = Records.Mixed(300).Concat(CustomEvents(40)).OrderBy(r => r.SimTime).ToArray();
        var router = Routers.ByStreamType("events", "telemetry");
        var whole = new MemoryStore();
        var split = new MemoryStore();
        var straight = Worker(whole, router, format, flushInterval, null);
        AddAll(straight, records);
        straight.FlushAll();
        await StoreAllAsync(straight);

        // The first run: a checkpoint at a quarter, another at three quarters, then it is lost.
        var (quarter, threeQuarters) = (records.Length / 4, records.Length * 3 / 4);
        var lost = Worker(split, router, format, flushInterval, null);
        AddAll(lost, records[..quarter]);
        await StoreAllAsync(lost);
        var early = EgressCheckpointCodec.ReadCheckpoints(EgressCheckpointCodec.Write([lost.Checkpoint()])).Single();
        AddAll(lost, records[quarter..(threeQuarters - 90)]);
        await StoreAllAsync(lost);
        // The last batches still queued when it is checkpointed and lost.
        AddAll(lost, records[(threeQuarters - 90)..threeQuarters]);
        var late = EgressCheckpointCodec.ReadCheckpoints(EgressCheckpointCodec.Write([lost.Checkpoint()])).Single();

        // The second replays from the early one, skipping what the late one had stored.
        var resume = EgressCheckpointCodec.ReadResumes(EgressCheckpointCodec.Write([SinkResume.Between(early, late)]));
        var replayed = Worker(split, router, format, flushInterval, resume);
        AddAll(replayed, records[quarter..]);
        replayed.FlushAll();
        await StoreAllAsync(replayed);

        Assert.True(SinkResume.CanReplay(early, late));
        Assert.Contains(late.Destinations, d => d.Pending > 37);
        Assert.Equal(whole.Objects.Keys.Order(StringComparer.Ordinal), split.Objects.Keys.Order(StringComparer.Ordinal));
        Assert.All(whole.Objects, o => Assert.Equal(o.Value, split.Objects[o.Key]));
        var (expected, actual) = (straight.Report(TimeSpan.Zero), replayed.Report(TimeSpan.Zero));
        Assert.Equal((expected.Published, expected.Written, expected.Dropped), (actual.Published, actual.Written, actual.Dropped));
        Assert.Equal(expected.Destinations, actual.Destinations);
    }

    [Fact]
    public async Task A_replay_that_starts_after_a_record_the_later_checkpoint_had_not_stored_should_be_refused_naming_the_destination()
    {
        var sink = Worker(new MemoryStore(), Routers.All("events.jsonl"), ChunkFormat.Jsonl, 0, null);
        AddAll(sink, Records.Lifecycles(5).ToArray());
        await StoreAllAsync(sink);
        var first = sink.Checkpoint();
        AddAll(sink, Records.Lifecycles(2).ToArray());
        var second = sink.Checkpoint();

        var error = Assert.Throws<ArgumentException>(() => SinkResume.Between(second, first));

        Assert.False(SinkResume.CanReplay(second, first));
        Assert.True(SinkResume.CanReplay(null, second));
        Assert.Contains("Sink 'test', destination 'events.jsonl': the replay would start after a record of its unstored batch", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_checkpoint_should_count_batches_queued_or_in_flight_as_pending_and_chunks_only_once_landed()
    {
        var worker = Worker(new MemoryStore(), Routers.All("events.jsonl"), ChunkFormat.Jsonl, 0, null);
        AddAll(worker, Records.Lifecycles(40).ToArray());

        var queued = worker.Checkpoint().Destinations.Single();
        await StoreAllAsync(worker);
        var landed = worker.Checkpoint().Destinations.Single();

        Assert.Equal((0, 0L, 120), (queued.BatchesTaken, queued.Written, queued.Pending));
        Assert.Equal((3, 111L, 9), (landed.BatchesTaken, landed.Written, landed.Pending));
    }

    [Fact]
    public async Task A_chunk_should_be_in_its_log_before_a_checkpoint_counts_it_stored()
    {
        // A checkpoint reads the counters, then the log: a chunk counted but not yet logged would be neither stored
        // again by a replay nor listed in the manifest.
        SinkWorker? worker = null;
        var countedWhenLogged = new List<int>();
        var log = new CallbackLog(() => countedWhenLogged.Add(worker!.Checkpoint().Destinations.Single().BatchesTaken));
        worker = SinkWorker.ForSinks(Records.Start, [Pipelines.Sink(new MemoryStore(), Routers.All("events.jsonl"), batchSize: 37, flushInterval: 0) with { ChunkLog = log }]).Single();

        AddAll(worker, Records.Lifecycles(40).ToArray());
        await StoreAllAsync(worker);

        Assert.Equal([0, 1, 2], countedWhenLogged);
    }

    [Fact]
    public void Resuming_should_refuse_a_resume_of_other_sinks()
    {
        var resume = new SinkResume("other", 0, 0, 0, []);

        var error = Assert.Throws<ArgumentException>(() =>
            SinkWorker.ForSinks(Records.Start, [Pipelines.Sink(new MemoryStore(), Routers.All("events.jsonl"))], [resume]));

        Assert.Contains("holds sinks other, but the run has test", error.Message, StringComparison.Ordinal);
    }

    private sealed class CallbackLog(Action stored) : ActorSim.Egress.Destinations.IChunkLog
    {
        public void Stored(ActorSim.Egress.Destinations.StoredChunk chunk) => stored();
    }

    private static IEnumerable<SimRecord> CustomEvents(int count) =>
        Enumerable.Range(0, count).Select(i => SimRecord.Event(i * 1.7, new RecordKey("order-", i), new Dictionary<string, object?> { ["qty"] = i, ["ok"] = i % 2 == 0, ["note"] = "n" + i }));

    private static SinkWorker Worker(MemoryStore store, RecordRouter router, ChunkFormat format, double flushInterval, IReadOnlyList<SinkResume>? resume) =>
        SinkWorker.ForSinks(Records.Start, [Pipelines.Sink(store, router, format, batchSize: 37, flushInterval: flushInterval)], resume).Single();
}
