using ActorSim.Egress;
using ActorSim.Egress.Storage;
using ActorSim.Engine;
using ActorSim.Model.Building;
using ActorSim.Model.Plants;
using ActorSim.Model.Random;
using ActorSim.Model.Records;
using ActorSim.Model.Snapshots;
using ActorSim.Snapshots.Observed;

namespace ActorSim.Bench;

/// <summary>
/// Snapshots: an exact snapshot of the two-stage plant mid-week (capture, JSON, restore), and an observed one rebuilt
/// from a week of Line_A's history (3.63 M records) against writing that week.
/// </summary>
internal static class SnapshotBenchmarks
{
    private const double MidWeek = 3.5 * 86400;

    /// <summary>Runs the plant to mid-week once, then takes its exact snapshot (capture and JSON) repeatedly; "events" are the tasks held.</summary>
    public static IEnumerable<BenchResult> TwoStageMidWeek()
    {
        var plant = ReferenceModels.TwoStagePlant();
        var simulation = new Simulation(0, new DateTime(2026, 1, 1));
        var lines = new Line[plant.Lines.Count];
        var outbox = new DirectOutbox(lines);
        for (var i = 0; i < lines.Length; i++)
        {
            lines[i] = plant.StartLine(i, simulation, NullRecordSink.Instance, 42, outbox);
        }

        simulation.RunUntil(MidWeek);
        ModelSnapshot? snapshot = null;
        var capture = Measure.Repeat("snapshot: two-stage mid-week capture", () =>
        {
            snapshot = SnapshotCapture.Take(plant, "two-stage", lines, 42);
            return (snapshot.Lines.Sum(l => l.Tasks.Count + l.InTransit.Count), $"{snapshot.Lines.Sum(l => l.Tasks.Count):N0} tasks, {snapshot.Lines.Sum(l => l.InTransit.Count):N0} in transit");
        });
        var json = string.Empty;
        var write = Measure.Repeat("snapshot: two-stage mid-week JSON", () =>
        {
            json = SnapshotJson.Write(snapshot!);
            return (snapshot!.Lines.Sum(l => l.Tasks.Count), $"{json.Length / 1024.0:0.0} KiB");
        });
        var restore = Measure.Repeat("snapshot: two-stage mid-week read+restore", () =>
        {
            var read = SnapshotJson.Read(json, "bench");
            SnapshotValidator.Check(read, plant, "bench");
            var resumed = new Simulation(read.AsOf, read.Start);
            var restored = new Line[plant.Lines.Count];
            var sink = new DirectOutbox(restored);
            for (var i = 0; i < restored.Length; i++)
            {
                restored[i] = plant.ResumeLine(i, resumed, NullRecordSink.Instance, 42, sink, read.Lines[i], read.Kind);
            }

            return (read.Lines.Sum(l => l.Tasks.Count), "validated, every line restored");
        });
        return [capture, write, restore];
    }

    /// <summary>Writes a week of Line_A (Parquet), then rebuilds its state at 6 days 23 h from it; "events" are records.</summary>
    public static IEnumerable<BenchResult> RebuildWeek()
    {
        var dir = Path.Combine(Path.GetTempPath(), "actorsim-bench-rebuild-" + Environment.ProcessId);
        try
        {
            var written = Measure.Run("snapshot: write the week (parquet)", () =>
            {
                EventLogBenchmarks.WriteWeek(dir, ChunkFormat.Parquet);
                return (3_629_085, "as actorsim history writes it");
            });
            var plant = new PlantBuilder().AddLine(ReferenceModels.LineA()).Build();
            var rebuild = Measure.Repeat("snapshot: rebuild at 6d23h (parquet)", () =>
            {
                var result = ObservedSnapshots.FromEventLogAsync(plant, "Line_A", new LocalObjectStore(dir), string.Empty, new EventLogInstant(6 * 86400 + 23 * 3600, null))
                    .GetAwaiter().GetResult();
                return (result.RecordsRead, $"{result.Snapshot.Lines[0].Tasks.Count:N0} tasks in progress");
            });
            return [written, rebuild];
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
