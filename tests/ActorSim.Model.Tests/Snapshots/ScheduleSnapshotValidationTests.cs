using ActorSim.Engine;
using ActorSim.Model.Building;
using ActorSim.Model.Plants;
using ActorSim.Model.Random;
using ActorSim.Model.Records;
using ActorSim.Model.Snapshots;
using ActorSim.Model.Tests.Building;

namespace ActorSim.Model.Tests.Snapshots;

/// <summary>The validator checks a snapshot's schedules against the model's: names, progress and wake-ups.</summary>
public sealed class ScheduleSnapshotValidationTests
{
    private static readonly LineModel Model = ScheduleSnapshotLines.Mixed();
    private static readonly PlantModel Plant = new PlantBuilder().AddLine(Model).Build();

    [Fact]
    public void An_exact_snapshot_without_its_schedules_is_refused_naming_the_missing_one()
    {
        var snapshot = Take(1800);
        var broken = snapshot with { Lines = [snapshot.Lines[0] with { Schedules = [snapshot.Lines[0].Schedules![0]] }] };

        var error = Assert.Throws<SnapshotException>(() => SnapshotValidator.Check(broken, Plant, "snap.json"));

        Assert.Contains("lines[0].schedules", error.Message, StringComparison.Ordinal);
        Assert.Contains("'urgent' is missing", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_next_release_out_of_range_or_a_wake_up_off_its_release_time_is_refused()
    {
        var snapshot = Take(1800);
        var today = snapshot.Lines[0].Schedules![0];
        var broken = snapshot with
        {
            Lines = [snapshot.Lines[0] with { Schedules = [today with { Next = 601 }, snapshot.Lines[0].Schedules![1] with { NextAt = 1801.5 }] }],
        };

        var error = Assert.Throws<SnapshotException>(() => SnapshotValidator.Check(broken, Plant, "snap.json"));

        Assert.Contains("lines[0].schedules[0].next: 601 is not a release of schedule 'today', which has 600", error.Message, StringComparison.Ordinal);
        Assert.Contains("lines[0].schedules[1].next_at: 1801.5 is not the time of release", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_schedule_is_refused_naming_the_line_s_schedules()
    {
        var snapshot = Take(600);
        var broken = snapshot with { Lines = [snapshot.Lines[0] with { Schedules = [.. snapshot.Lines[0].Schedules!, new ScheduleSnapshot("tomorrow", 0)] }] };

        var error = Assert.Throws<SnapshotException>(() => SnapshotValidator.Check(broken, Plant, "snap.json"));

        Assert.Contains("lines[0].schedules[2].name", error.Message, StringComparison.Ordinal);
        Assert.Contains("no schedule 'tomorrow'", error.Message, StringComparison.Ordinal);
    }

    private static ModelSnapshot Take(double at)
    {
        var simulation = new Simulation(0, new DateTime(2026, 1, 1));
        var line = Model.Start(simulation, NullRecordSink.Instance, RandomStream.Create(42, Model.SimId));
        simulation.RunUntil(at);
        return SnapshotCapture.Take(Plant, "Line_S", [line], 42);
    }
}
