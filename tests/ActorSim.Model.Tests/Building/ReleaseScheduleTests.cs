using ActorSim.Engine;
using ActorSim.Model.Building;
using ActorSim.Model.Distributions;
using ActorSim.Model.Random;
using ActorSim.Model.Records;

namespace ActorSim.Model.Tests.Building;

public sealed class ReleaseScheduleTests
{
    [Fact]
    public void A_schedule_should_start_its_releases_at_their_times_in_file_order_and_key_them()
    {
        // One machine, 2 s per task. Given out of order; at t=1 the keyed 'part' comes before the 'rush' as written.
        // task-0 runs 0–2, order-7 2–4, rush-1 4–6, task-2 (released at 5) 6–8.
        var model = ScheduledLine(
            new Release(5, "part"),
            new Release(0, "part"),
            new Release(1, "part", "order-7", new Dictionary<string, object> { ["colour"] = "red" }),
            new Release(1, "rush"));

        var records = Run(model, until: 100);

        Assert.Equal(
            [
                "0 task-0 queued", "0 task-0 started", "1 order-7 queued", "1 rush-1 queued",
                "2 task-0 finished", "2 order-7 started", "4 order-7 finished", "4 rush-1 started",
                "5 task-2 queued", "6 rush-1 finished", "6 task-2 started", "8 task-2 finished",
            ],
            records.Select(r => $"{r.SimTime} {r.Key} {r.Status}"));
    }

    [Fact]
    public void A_snapshot_mid_schedule_should_hold_the_next_release_and_the_released_tasks_attributes()
    {
        var model = ScheduledLine(
            new Release(0, "part"),
            new Release(1, "part", "order-7", new Dictionary<string, object> { ["colour"] = "red" }),
            new Release(1, "rush"),
            new Release(5, "part"));
        var simulation = new Simulation();
        var line = model.Start(simulation, new InMemoryRecordSink(), RandomStream.Create(1, "L"));
        simulation.RunUntil(3);

        var state = line.CaptureState();

        var schedule = Assert.Single(state.Schedules!);
        Assert.Equal(("today", 3, 5.0), (schedule.Name, schedule.Next, schedule.NextAt!.Value));
        var inService = Assert.Single(state.Tasks, t => t.Key == "order-7");
        Assert.Equal("red", inService.Attributes!["colour"]);
        Assert.Equal(2, state.NextTaskNumber);
    }

    [Fact]
    public void A_release_of_an_unknown_task_should_be_refused_naming_the_release_and_the_tasks()
    {
        var error = Assert.Throws<ArgumentException>(() => ScheduledLine(new Release(0, "part"), new Release(3, "prat") { Origin = "today.csv:3" }));

        Assert.Contains("today.csv:3", error.Message, StringComparison.Ordinal);
        Assert.Contains("'prat' is not defined", error.Message, StringComparison.Ordinal);
        Assert.Contains("part, rush", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(-1.0)]
    public void A_release_at_a_time_that_is_not_finite_or_before_the_start_should_be_refused_naming_it(double time)
    {
        var error = Assert.Throws<ArgumentException>(() => new ReleaseSchedule("today", [new Release(0, "part"), new Release(time, "part") { Origin = "today.csv:3" }]));

        Assert.Contains("release 2 (today.csv:3)", error.Message, StringComparison.Ordinal);
        Assert.Contains("not a finite number of seconds", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Duplicate_explicit_keys_should_be_refused_naming_both_releases()
    {
        var error = Assert.Throws<ArgumentException>(() => new ReleaseSchedule("today", [
            new Release(0, "part", "order-1") { Origin = "today.csv:2" },
            new Release(4, "part", "order-1") { Origin = "today.csv:5" },
        ]));

        Assert.Contains("release 2 (today.csv:5)", error.Message, StringComparison.Ordinal);
        Assert.Contains("release 1 (today.csv:2)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Duplicate_explicit_keys_across_two_schedules_of_a_line_should_be_refused()
    {
        var builder = Builder()
            .AddSchedule(new ReleaseSchedule("morning", [new Release(0, "part", "order-1")]))
            .AddSchedule(new ReleaseSchedule("evening", [new Release(9, "part", "order-1") { Origin = "evening.csv:2" }]));

        var error = Assert.Throws<ArgumentException>(builder.Build);

        Assert.Contains("evening.csv:2", error.Message, StringComparison.Ordinal);
        Assert.Contains("'order-1'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_task_without_arrival_that_no_schedule_releases_should_be_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => Builder()
            .AddScheduledTask("rush", steps => steps.Step("m", "two"))
            .AddSchedule(new ReleaseSchedule("today", [new Release(0, "rush")]))
            .Build());

        Assert.Contains("Task 'part'", error.Message, StringComparison.Ordinal);
        Assert.Contains("nothing would ever start it", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_seed_should_give_the_same_records_with_a_schedule_beside_random_arrivals()
    {
        var model = ScheduleSnapshotLines.Mixed();

        var first = Run(model, until: 3600, seed: 9).Select(r => r.ToString()).ToList();
        var second = Run(model, until: 3600, seed: 9).Select(r => r.ToString()).ToList();

        Assert.True(first.Count > 1000);
        Assert.Equal(first, second);
    }

    [Fact]
    public void Releases_should_allocate_almost_nothing_once_the_pools_are_warm()
    {
        var releases = Enumerable.Range(0, 200_000).Select(i => new Release(i * 0.5, "part")).ToArray();
        var model = Builder().AddSchedule(new ReleaseSchedule("today", releases)).Build();
        var simulation = new Simulation();
        model.Start(simulation, new CountingRecordSink(), RandomStream.Create(1, "L"));
        simulation.Run(3600);
        var events = simulation.ProcessedEvents;
        var before = GC.GetAllocatedBytesForCurrentThread();

        simulation.Run(20 * 3600);

        var perEvent = (GC.GetAllocatedBytesForCurrentThread() - before) / (double)(simulation.ProcessedEvents - events);
        Assert.True(simulation.ProcessedEvents - events > 100_000);
        Assert.True(perEvent < 2, $"{perEvent:0.00} bytes allocated per event");
    }

    private static LineBuilder Builder() => new LineBuilder("L")
        .AddService("fast", DistributionConfig.Constant(0.4))
        .AddService("two", DistributionConfig.Constant(2))
        .AddResource("m", currentCap: 1)
        .AddScheduledTask("part", steps => steps.Step("m", "fast"));

    private static LineModel ScheduledLine(params Release[] releases) => new LineBuilder("L")
        .AddService("two", DistributionConfig.Constant(2))
        .AddResource("m", currentCap: 1)
        .AddScheduledTask("part", steps => steps.Step("m", "two"))
        .AddScheduledTask("rush", steps => steps.Step("m", "two"), keyPrefix: "rush-")
        .AddSchedule(new ReleaseSchedule("today", releases))
        .Build();

    private static List<SimRecord> Run(LineModel model, double until, ulong seed = 1)
    {
        var simulation = new Simulation();
        var sink = new InMemoryRecordSink();
        model.Start(simulation, sink, RandomStream.Create(seed, model.SimId));
        simulation.Run(until);
        return [.. sink.Records];
    }
}
