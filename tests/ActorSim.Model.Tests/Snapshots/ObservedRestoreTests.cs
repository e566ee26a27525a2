using ActorSim.Engine;
using ActorSim.Model.Building;
using ActorSim.Model.Plants;
using ActorSim.Model.Random;
using ActorSim.Model.Records;
using ActorSim.Model.Snapshots;

namespace ActorSim.Model.Tests.Snapshots;

/// <summary>
/// A run from an observed snapshot: the tasks in service finish after a remaining time drawn given the time already
/// spent, the queued ones start in the listed order as lathes free up, keys go on from the next task number, and
/// telemetry samples on its grid from the snapshot's instant.
/// </summary>
public sealed class ObservedRestoreTests
{
    private static readonly PlantModel Plant = new PlantBuilder().AddLine(ReferenceModels.LineA()).Build();

    [Fact]
    public void A_run_from_an_observed_snapshot_finishes_the_work_in_progress_and_goes_on()
    {
        var records = Run(Snapshot(), 3600 + 120);
        var lifecycle = records.Where(r => r.IsLifecycle).ToList();

        // In service since 3599 with a normal(2, 0.2) service: the remaining time is drawn given 1 s spent, so each
        // finishes after 3600 and, with a mean of 2 s, well before 3605.
        foreach (var key in new[] { "task-10", "task-11", "task-12", "task-13" })
        {
            var finished = Assert.Single(lifecycle, r => r.Key.ToString() == key && r.Status == "finished");
            Assert.InRange(finished.SimTime, 3600, 3605);
            Assert.DoesNotContain(lifecycle, r => r.Key.ToString() == key && r.Status != "finished");
        }

        // Queued ones start first come, first served, and are not queued again.
        var starts = lifecycle.Where(r => r.Status == "started").Select(r => r.Key.ToString()).Take(3).ToArray();
        Assert.Equal(["task-14", "task-15", "task-16"], starts);
        Assert.DoesNotContain(lifecycle, r => r.Key.ToString() == "task-14" && r.Status == "queued");

        // New arrivals go on from next_task_number.
        Assert.Equal("task-17", lifecycle.First(r => r.Status == "queued").Key.ToString());

        // Telemetry on the 60 s grid from 3600 on, first showing the four lathes busy and two tasks waiting.
        var telemetry = records.Where(r => r.Kind == RecordKind.Telemetry).ToList();
        Assert.Equal([3600.0, 3660.0], telemetry.Select(r => r.SimTime).Distinct());
        Assert.Equal(4, telemetry.First(r => r.PathId == "Line_A.lathe.in_use").Number);
    }

    [Fact]
    public void The_same_observed_snapshot_and_seed_give_the_same_records()
    {
        Assert.Equal(Run(Snapshot(), 4000).Select(r => r.ToString()), Run(Snapshot(), 4000).Select(r => r.ToString()));
    }

    [Fact]
    public void An_observed_snapshot_with_a_changed_parameter_runs_with_it()
    {
        var slow = Snapshot() with { Lines = [Snapshot().Lines[0] with { Parameters = new Dictionary<string, object> { ["Line_A.arrival.standard.rate"] = 0.0 } }] };

        var records = Run(slow, 3600 + 600);

        Assert.DoesNotContain(records, r => r.IsLifecycle && r.Key.Number >= 17);
        Assert.Equal(7, records.Count(r => r.Status == "finished"));
    }

    private static IReadOnlyList<SimRecord> Run(ModelSnapshot snapshot, double until)
    {
        SnapshotValidator.Check(snapshot, Plant, "observed");
        var simulation = new Simulation(snapshot.AsOf, snapshot.Start);
        var sink = new InMemoryRecordSink();
        Plant.Lines[0].Resume(simulation, sink, snapshot.Lines[0], snapshot.Kind, RandomStream.Create(5, "Line_A"));
        simulation.RunUntil(until);
        return sink.Records;
    }

    private static ModelSnapshot Snapshot() => new()
    {
        Kind = SnapshotKind.Observed,
        Model = new ModelIdentity("Line_A", ModelFingerprint.Of(Plant)),
        Start = new DateTime(2026, 1, 1),
        AsOf = 3600,
        Lines =
        [
            new LineSnapshot
            {
                SimId = "Line_A",
                Resources = [new ResourceSnapshot("lathe", 4, 10)],
                Tasks =
                [
                    InService("task-10"), InService("task-11"), InService("task-12"), InService("task-13"),
                    Queued("task-14", 3590), Queued("task-15", 3595), Queued("task-16", 3599),
                ],
                NextTaskNumber = 17,
            },
        ],
    };

    private static TaskSnapshot InService(string key) => new() { Key = key, Task = "part", Step = 0, State = TaskState.InService, Since = 3599 };

    private static TaskSnapshot Queued(string key, double since) => new() { Key = key, Task = "part", Step = 0, State = TaskState.Queued, Since = since };
}
