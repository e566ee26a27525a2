using ActorSim.Egress;
using ActorSim.Egress.Storage;
using ActorSim.Engine;
using ActorSim.Model.Building;
using ActorSim.Model.Distributions;
using ActorSim.Model.Plants;
using ActorSim.Model.Random;
using ActorSim.Model.Records;
using ActorSim.Model.Snapshots;
using ActorSim.Snapshots.Observed;
using ActorSim.Snapshots.Tests.Support;

namespace ActorSim.Snapshots.Tests;

/// <summary>
/// An observed snapshot rebuilt from a run's event log at T agrees with the exact snapshot of that run at T on everything
/// a log can tell: the tasks queued and in service, their steps and since-times (to the millisecond the log keeps), what
/// a hand-off holds, the capacities, the next task number, the items in transit and the scenario still to come.
/// </summary>
public sealed class EventLogRebuildTests
{
    [Theory]
    [InlineData(ChunkFormat.Jsonl, true, false, 1800.0)]
    [InlineData(ChunkFormat.Parquet, true, true, 2400.0)]
    [InlineData(ChunkFormat.Parquet, false, false, 1234.5)]
    [InlineData(ChunkFormat.Jsonl, false, true, 3000.0)]
    public async Task A_rebuild_from_the_log_agrees_with_the_exact_snapshot_of_the_same_run(ChunkFormat format, bool flatten, bool partition, double at)
    {
        using var folder = new TempDirectory();
        var model = HandOffLine();
        var plant = new PlantBuilder().AddLine(model).Build();
        var simulation = new Simulation(0, SampleRecords.Start);
        var sink = new InMemoryRecordSink();
        var line = model.Start(simulation, sink, RandomStream.Create(42, model.SimId));
        simulation.RunUntil(at);
        var exact = SnapshotCapture.Take(plant, "hand-off", [line]);
        simulation.RunUntil(at + 900);
        await LogFiles.WriteAsync(sink.Records, LogFiles.Sink(new LocalObjectStore(folder.Path), LogFiles.Router(format, flatten, partition), format, batchSize: 500));

        var rebuilt = await ObservedSnapshots.FromEventLogAsync(plant, "hand-off", new LocalObjectStore(folder.Path), "", new EventLogInstant(at, null));

        SnapshotValidator.Check(rebuilt.Snapshot, plant, "rebuilt");
        AssertAgrees(exact, rebuilt.Snapshot);
        Assert.Equal(SampleRecords.Start, rebuilt.Snapshot.Start);
        Assert.Equal(sink.Records.Count(r => Math.Round(r.SimTime, 3) < at), rebuilt.RecordsRead);
    }

    [Fact]
    public async Task A_rebuild_of_a_plant_finds_the_items_in_transit()
    {
        using var folder = new TempDirectory();
        var plant = ReferenceModels.TwoStagePlant();
        ModelSnapshot? exact = null;
        var sinks = plant.Lines.ToDictionary(l => l.SimId, _ => new InMemoryRecordSink());
        new SequentialPlantRunner(plant).Run(
            new PlantRunOptions { Seed = 9, Until = 2700, LogicalStart = SampleRecords.Start, SnapshotTimes = [1800], SnapshotTaken = s => exact = s },
            l => sinks[l.SimId], CancellationToken.None);
        foreach (var (simId, records) in sinks)
        {
            await LogFiles.WriteAsync(records.Records, LogFiles.Sink(new LocalObjectStore(Path.Combine(folder.Path, $"line={simId}")), LogFiles.Router(ChunkFormat.Parquet, true, false), ChunkFormat.Parquet, 1000));
        }

        var rebuilt = await ObservedSnapshots.FromEventLogAsync(plant, "two-stage", new LocalObjectStore(folder.Path), "", new EventLogInstant(null, SampleRecords.Start.AddSeconds(1800)));

        SnapshotValidator.Check(rebuilt.Snapshot, plant, "rebuilt");
        Assert.NotNull(exact);
        AssertAgrees(exact, rebuilt.Snapshot);
        Assert.Contains(rebuilt.Snapshot.Lines, l => l.InTransit.Count > 0);
    }

    [Fact]
    public async Task A_record_of_a_service_the_model_does_not_have_is_refused_naming_it()
    {
        using var folder = new TempDirectory();
        var plant = new PlantBuilder().AddLine(ReferenceModels.LineA()).Build();
        SimRecord[] records = [SimRecord.Lifecycle(1.5, new RecordKey("task-", 0), "Line_A.service.welding", "queued")];
        await LogFiles.WriteAsync(records, LogFiles.Sink(new LocalObjectStore(folder.Path), LogFiles.Router(ChunkFormat.Jsonl, true, false), ChunkFormat.Jsonl));

        var e = await Assert.ThrowsAsync<SnapshotException>(() =>
            ObservedSnapshots.FromEventLogAsync(plant, "Line_A", new LocalObjectStore(folder.Path), "", new EventLogInstant(60, null)));

        Assert.Contains("Line_A.service.welding", e.Message);
        Assert.Contains("sim_ts 1.5", e.Message);
    }

    private static void AssertAgrees(ModelSnapshot exact, ModelSnapshot observed)
    {
        Assert.Equal(SnapshotKind.Observed, observed.Kind);
        Assert.Equal(exact.AsOf, observed.AsOf);
        Assert.Equal(exact.Model, observed.Model with { Name = exact.Model.Name });
        for (var i = 0; i < exact.Lines.Count; i++)
        {
            var (e, o) = (exact.Lines[i], observed.Lines[i]);
            Assert.Equal(e.NextTaskNumber, o.NextTaskNumber);
            Assert.Equal(e.ItemsSent, o.ItemsSent);
            Assert.Equal(e.Resources.Select(r => (r.Name, r.CurrentCap, r.MaxCap)), o.Resources.Select(r => (r.Name, r.CurrentCap, r.MaxCap)));
            Assert.Equal(e.Scenario.Select(s => (s.At, s.Path)), o.Scenario.Select(s => (s.At, s.Path)));
            Assert.Equal(Tasks(e), Tasks(o));
            Assert.Equal(
                e.InTransit.Select(t => (t.Link, t.From, t.Sequence, Math.Round(t.SentAt, 3), t.Key)).Order(),
                o.InTransit.Select(t => (t.Link, t.From, t.Sequence, t.SentAt, t.Key)).Order());
            foreach (var (path, value) in e.Parameters)
            {
                Assert.True(Equals(Convert.ToDouble(value), Convert.ToDouble(o.Parameters[path])), $"{path}: {value} vs {o.Parameters[path]}");
            }
        }
    }

    /// <summary>The tasks as a log knows them: times to the millisecond, queues in their order (those in service in any order).</summary>
    private static string[] Tasks(LineSnapshot line) => line.Tasks
        .OrderBy(t => t.State == TaskState.InService ? t.Key : string.Empty, StringComparer.Ordinal)
        .Select(t => $"{t.Key} {t.Task} {t.Step} {t.State} {Math.Round(t.Since, 3):R} {t.Holding?.Resource} {(t.Holding is null ? "" : Math.Round(t.Holding.Since, 3).ToString("R"))}")
        .ToArray();

    private static LineModel HandOffLine() => new LineBuilder("Line_H")
        .AddArrival("standard", DistributionConfig.Exponential(0.9))
        .AddArrival("rush", DistributionConfig.Exponential(0.1))
        .AddService("cutting", DistributionConfig.Uniform(1.0, 2.0))
        .AddService("pressing", DistributionConfig.Normal(2.2, 0.3))
        .AddService("checking", DistributionConfig.Constant(0.5))
        .AddResource("cutter", currentCap: 2, maxCap: 4)
        .AddResource("press", currentCap: 2, maxCap: 4)
        .AddResource("checker", currentCap: 1, maxCap: 1)
        .AddTask("part", arrival: "standard", steps => steps.Step("cutter", "cutting").HandOff("press", "pressing").Step("checker", "checking"))
        .AddTask("rush", arrival: "rush", steps => steps.Step("press", "pressing", priority: 0), keyPrefix: "rush-")
        .AddTelemetry(60)
        .AddScenarioChange(1200, "Line_H.arrival.rush.rate", 0.0)
        .AddScenarioChange(1800, "Line_H.resources.press.current_cap", 1)
        .AddScenarioChange(2400, "Line_H.resources.press.current_cap", 2)
        .AddScenarioChange(2400, "Line_H.arrival.rush.rate", 0.2)
        .Build();
}
