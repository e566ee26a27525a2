using ActorSim.Actors.Tests.Support;
using ActorSim.Egress;
using ActorSim.Egress.Routing;
using ActorSim.Egress.Storage;
using ActorSim.Model.Building;
using ActorSim.Model.Plants;
using ActorSim.Model.Records;

namespace ActorSim.Actors.Tests.Runs;

/// <summary>Each line actor drains its own pipeline into <c>line=&lt;sim_id&gt;/</c>; every record published is written.</summary>
[Collection(ActorsCollection.Name)]
public sealed class PerLineEgressTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "actorsim-actors-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void Lines_should_write_their_records_under_their_own_folder_and_report_them()
    {
        var plant = ReferenceModels.ReworkLoopPlant(5);
        var sink = new SinkOptions { Name = "history", Store = new LocalObjectStore(_root), Router = Routers.All("events.jsonl"), Format = ChunkFormat.Jsonl, BatchSize = 200 };
        var counts = new Dictionary<string, CountingRecordSink>(StringComparer.Ordinal);
        new SequentialPlantRunner(plant).Run(5, 900, line => counts[line.SimId] = new CountingRecordSink());

        var stats = new ActorPlantRunner(plant, TestConfig.Settings with { Parallelism = 2 })
            .RunWithStats(5, 900, PerLineEgress.SinkFor(new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc), [sink]));

        foreach (var line in stats.Lines)
        {
            var counted = counts[line.SimId];
            Assert.True(counted.Events + counted.Telemetry == line.RecordsWritten, $"{line} vs {counted.Events}+{counted.Telemetry}; all: {string.Join("; ", stats.Lines)}");
            var folder = Path.Combine(_root, PerLineEgress.FolderOf(line.SimId));
            var lines = Directory.GetFiles(folder, "*.jsonl", SearchOption.AllDirectories).Sum(f => File.ReadLines(f).Count());
            Assert.Equal(line.RecordsWritten, lines);
        }
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}
