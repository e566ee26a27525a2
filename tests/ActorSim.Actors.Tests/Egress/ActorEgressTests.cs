using System.Collections.Concurrent;
using ActorSim.Actors.Internal;
using ActorSim.Actors.Tests.Support;
using ActorSim.Egress;
using ActorSim.Egress.Routing;
using ActorSim.Egress.Storage;
using ActorSim.Model.Building;
using ActorSim.Model.Plants;
using ActorSim.Model.Records;

namespace ActorSim.Actors.Tests.Egress;

/// <summary>Egress actors: the chunks of an egress pipeline, backpressure by credits, failures named, nothing handed over lost.</summary>
[Collection(ActorsCollection.Name)]
public sealed class ActorEgressTests : IDisposable
{
    private static readonly DateTime Start = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private readonly string _root = Path.Combine(Path.GetTempPath(), "actorsim-egress-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Egress_actors_should_store_the_chunks_an_egress_pipeline_stores_byte_for_byte()
    {
        var plant = ReferenceModels.TwoStagePlant(5);
        SinkOptions[] Sinks(string root) =>
        [
            new() { Name = "history", Store = new LocalObjectStore(Path.Combine(root, "parquet")), Router = Routers.History(), BatchSize = 300 },
            new() { Name = "all", Store = new LocalObjectStore(Path.Combine(root, "jsonl")), Router = Routers.All("records.jsonl").DropLagMetric(), Format = ChunkFormat.Jsonl, BatchSize = 700 },
        ];
        var direct = Sinks(Path.Combine(_root, "direct"));
        var pipelines = new ConcurrentDictionary<string, EgressPipeline>(StringComparer.Ordinal);
        new SequentialPlantRunner(plant).Run(7, 1800, line => pipelines[line.SimId] =
            new EgressPipeline(Start, direct.Select(s => s with { Store = new PrefixedObjectStore(s.Store, PerLineEgress.FolderOf(line.SimId)) })));
        var expected = pipelines.ToDictionary(p => p.Key, p => p.Value.Complete(), StringComparer.Ordinal);
        var egresses = new ConcurrentDictionary<string, ActorEgress>(StringComparer.Ordinal);
        var sinkFor = PerLineEgress.SinkFor(Start, Sinks(Path.Combine(_root, "actors")));

        var stats = new ActorPlantRunner(plant, TestConfig.Settings with { Parallelism = 2 })
            .RunWithStats(7, 1800, line => egresses[line.SimId] = (ActorEgress)sinkFor(line));

        var directFiles = Files(Path.Combine(_root, "direct"));
        var actorFiles = Files(Path.Combine(_root, "actors"));
        Assert.True(directFiles.Count > plant.Lines.Count * 2, $"{directFiles.Count} files");
        Assert.Equal(directFiles.Keys, actorFiles.Keys);
        Assert.All(directFiles, f => Assert.True(f.Value.SequenceEqual(actorFiles[f.Key]), $"{f.Key} differs"));
        foreach (var line in stats.Lines)
        {
            var report = await egresses[line.SimId].Completion;
            Assert.Equal(["history", "all"], report.Sinks.Select(s => s.Sink));
            Assert.Equal(expected[line.SimId].Sinks.Select(s => (s.Published, s.Written, s.Dropped, s.Chunks)), report.Sinks.Select(s => (s.Published, s.Written, s.Dropped, s.Chunks)));
            Assert.Equal(report.Sinks.Sum(s => s.Written), line.RecordsWritten);
        }
    }

    [Fact]
    public async Task Line_should_wait_for_credits_while_its_sink_stores_nothing_and_write_everything_once_it_does()
    {
        var plant = ReferenceModels.ReworkLoopPlant(5);
        var store = new GatedStore();
        var sink = new SinkOptions
        {
            Name = "gated", Store = store, Router = Routers.All("events.jsonl"), Format = ChunkFormat.Jsonl,
            BatchSize = 10, FlushInterval = 0, MaxQueuedBatches = 2, MaxStoresInFlight = 1,
        };
        var egress = new ActorEgress(Start, [sink]);
        var counted = new CountingRecordSink();
        new SequentialPlantRunner(plant).Run(3, 3600, line => line.SimId == "Machining" ? counted : new InMemoryRecordSink());

        var run = new ActorPlantRunner(plant, TestConfig.Settings with { Parallelism = 2 })
            .RunAsync(3, 3600, line => line.SimId == "Machining" ? egress : new InMemoryRecordSink(), CancellationToken.None);
        var held = await PublishedOnceSteadyAsync(egress);
        var doneWhileHeld = run.IsCompleted;
        store.Open();
        var stats = await run.WaitAsync(TimeSpan.FromSeconds(60));
        var report = await egress.Completion;

        // Held: 2 credits (queued batches) and 1 store in flight of 10 records each, and the line's partial batch: at most 40.
        Assert.False(doneWhileHeld);
        Assert.InRange(held, 1, 40);
        Assert.Equal(counted.Events + counted.Telemetry, egress.Published);
        Assert.Equal(egress.Published, report["gated"].Written);
        Assert.Equal(egress.Published, Pipelines(store).Count);
        Assert.True(egress.PublishBlocked > TimeSpan.Zero);
        Assert.True(stats.Lines.Single(l => l.SimId == "Machining").EgressBlockedSeconds > 0);
    }

    [Fact]
    public async Task Failed_run_should_still_write_every_record_its_lines_published()
    {
        var plant = ReferenceModels.ReworkLoopPlant(5);
        var sink = new SinkOptions { Name = "history", Store = new LocalObjectStore(_root), Router = Routers.All("events.jsonl"), Format = ChunkFormat.Jsonl, BatchSize = 50 };
        var egress = new ActorEgress(Start, [sink]);

        var error = Assert.Throws<LineFailedException>(() => new ActorPlantRunner(plant, TestConfig.Settings with { Parallelism = 2 })
            .Run(3, 3600, line => line.SimId switch
            {
                "Packing" => new ThrowingSink(from: 600),
                "Machining" => egress,
                _ => new InMemoryRecordSink(),
            }));

        Assert.Equal("Packing", error.SimId);
        Assert.True(egress.Published > 100, $"{egress.Published} records");
        var written = Directory.GetFiles(_root, "*.jsonl", SearchOption.AllDirectories).Sum(f => File.ReadLines(f).Count());
        Assert.Equal(egress.Published, written);
        var drain = await Assert.ThrowsAsync<EgressException>(() => egress.Completion);
        Assert.Contains("Line 'Machining' stopped before its egress was drained", drain.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Line_that_throws_should_still_have_every_record_it_published_written()
    {
        // 65 records (six batches of 10 and five more), then the model throws: the five still in the line's batch
        // are queued as the line fails, without waiting for a credit.
        var plant = new PlantBuilder().AddLine(new LineBuilder("Faulty").AddProcess("publish-then-throw", PublishThenThrow).Build()).Build();
        var sink = new SinkOptions
        {
            Name = "history", Store = new LocalObjectStore(_root), Router = Routers.All("events.jsonl"), Format = ChunkFormat.Jsonl,
            BatchSize = 10, MaxQueuedBatches = 1, MaxStoresInFlight = 1,
        };
        var egress = new ActorEgress(Start, [sink]);

        var error = Assert.Throws<LineFailedException>(() => new ActorPlantRunner(plant, TestConfig.Settings with { Parallelism = 1 }).Run(3, 3600, _ => egress));

        Assert.Equal(("Faulty", 65.0), (error.SimId, error.SimulatedTime));
        Assert.Contains("InvalidOperationException: the model broke", error.Message, StringComparison.Ordinal);
        Assert.Equal(65, egress.Published);
        Assert.Equal(65, Directory.GetFiles(_root, "*.jsonl", SearchOption.AllDirectories).Sum(f => File.ReadLines(f).Count()));

        static IEnumerable<ActorSim.Engine.Event> PublishThenThrow(Line line)
        {
            for (var i = 1; i <= 65; i++)
            {
                yield return line.Simulation.Delay(1);
                line.PublishEvent(new RecordKey("item-", i), null);
            }

            throw new InvalidOperationException("the model broke");
        }
    }

    [Fact]
    public void Failing_store_should_fail_the_run_naming_the_line_the_sink_the_chunk_and_the_store()
    {
        var plant = ReferenceModels.ReworkLoopPlant(5);
        var sink = new SinkOptions { Name = "broken", Store = new FailingStore(succeed: 2), Router = Routers.All("events.jsonl"), Format = ChunkFormat.Jsonl, BatchSize = 20, FlushInterval = 0 };

        var error = Assert.Throws<LineFailedException>(() => new ActorPlantRunner(plant, TestConfig.Settings with { Parallelism = 2 })
            .Run(3, 3600, line => line.SimId == "Inspection" ? new ActorEgress(Start, [sink]) : new InMemoryRecordSink()));

        Assert.Equal("Inspection", error.SimId);
        Assert.Contains("Sink 'broken' failed writing chunk 'events_000003.jsonl' to failing store", error.Message, StringComparison.Ordinal);
        Assert.Contains("disk full", error.Message, StringComparison.Ordinal);
        Assert.Contains("records not written", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Router_that_throws_should_fail_the_run_naming_the_line_and_the_sink()
    {
        var plant = ReferenceModels.ReworkLoopPlant(5);
        RecordRouter broken = (in SimRecord record, DateTime start) => record.SimTime > 300 ? throw new FormatException("no destination for this record") : new Route("events.jsonl");
        var sink = new SinkOptions { Name = "routed", Store = new LocalObjectStore(_root), Router = broken, Format = ChunkFormat.Jsonl };

        var error = Assert.Throws<LineFailedException>(() => new ActorPlantRunner(plant, TestConfig.Settings with { Parallelism = 1 })
            .Run(3, 3600, line => line.SimId == "Packing" ? new ActorEgress(Start, [sink]) : new InMemoryRecordSink()));

        Assert.Equal("Packing", error.SimId);
        Assert.Contains("Sink 'routed': its router failed on a record at t=", error.Message, StringComparison.Ordinal);
        Assert.Contains("no destination for this record", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void One_actor_egress_given_to_two_lines_should_fail_the_run_naming_the_second_line()
    {
        var plant = ReferenceModels.ReworkLoopPlant(5);
        var sink = new SinkOptions { Name = "history", Store = new LocalObjectStore(_root), Router = Routers.All("events.jsonl"), Format = ChunkFormat.Jsonl };
        var shared = new ActorEgress(Start, [sink]);

        var error = Assert.Throws<LineFailedException>(() => new ActorPlantRunner(plant, TestConfig.Settings with { Parallelism = 1 })
            .Run(3, 600, line => line.SimId is "Machining" or "Packing" ? shared : new InMemoryRecordSink()));

        Assert.Contains(error.SimId, new[] { "Machining", "Packing" });
        Assert.Contains("This ActorEgress already feeds a line; give each line an ActorEgress of its own.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Actor_egress_should_refuse_records_outside_a_line_actor_with_a_clear_error()
    {
        var sink = new SinkOptions { Name = "history", Store = new LocalObjectStore(_root), Router = Routers.All("events.jsonl"), Format = ChunkFormat.Jsonl };
        var egress = new ActorEgress(Start, [sink]);
        var record = SimRecord.Telemetry(1, "Line_A.resources.lathe.in_use", 1.0);

        var error = Assert.Throws<InvalidOperationException>(() => egress.Publish(in record));

        Assert.Contains("ActorEgress feeds egress actors that a line actor starts", error.Message, StringComparison.Ordinal);
        Assert.Contains("EgressPipeline", error.Message, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    /// <summary>The egress's count of published records once it has not moved for half a second (the line is held back).</summary>
    private static async Task<long> PublishedOnceSteadyAsync(ActorEgress egress)
    {
        var last = -1L;
        for (var i = 0; i < 200; i++)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(500));
            var now = egress.Published;
            if (now == last && now > 0)
            {
                return now;
            }

            last = now;
        }

        throw new TimeoutException($"the line kept publishing: {last} records");
    }

    private static List<string> Pipelines(GatedStore store) =>
        store.Objects.Values.SelectMany(b => System.Text.Encoding.UTF8.GetString(b).Split('\n', StringSplitOptions.RemoveEmptyEntries)).ToList();

    private static SortedDictionary<string, byte[]> Files(string root) =>
        new(Directory.GetFiles(root, "*", SearchOption.AllDirectories).ToDictionary(f => Path.GetRelativePath(root, f), File.ReadAllBytes), StringComparer.Ordinal);
}
