using ActorSim.Engine;
using ActorSim.Model.Building;
using ActorSim.Model.Distributions;
using ActorSim.Model.Random;
using ActorSim.Model.Records;

namespace ActorSim.Model.Tests.Building;

public class LineBuilderTraceTests
{
    [Fact]
    public void A_one_step_task_should_emit_queued_started_finished_at_hand_computed_times()
    {
        // Arrivals every 1 s (first at 1), service 2.5 s, one machine: task n arrives at n+1 and starts when the
        // previous one finishes: starts 1, 3.5, 6; finishes 3.5, 6, 8.5.
        var model = new LineBuilder("L")
            .AddArrival("a", DistributionConfig.Constant(1))
            .AddService("s", DistributionConfig.Constant(2.5))
            .AddResource("m", currentCap: 1)
            .AddTask("part", "a", steps => steps.Step("m", "s"))
            .Build();

        var records = Run(model, until: 3.9);

        Assert.Equal(
            [
                "1 task-0 queued", "1 task-0 started", "2 task-1 queued", "3 task-2 queued",
                "3.5 task-0 finished", "3.5 task-1 started",
            ],
            records.Select(Describe).Take(6));
        Assert.All(records, r => Assert.Equal("L.service.s", r.PathId));
    }

    [Fact]
    public void A_hand_off_should_hold_the_first_resource_until_the_second_is_granted()
    {
        // One task every 10 s; step 1 on m1 takes 1 s, step 2 on m2 takes 25 s: task-0 holds m2 from 11 to 36, so
        // task-1 finishes step 1 at 21 and waits for m2 while still holding m1; task-2 (arrives 30) cannot start.
        var model = new LineBuilder("L")
            .AddArrival("a", DistributionConfig.Constant(10))
            .AddService("short", DistributionConfig.Constant(1))
            .AddService("long", DistributionConfig.Constant(25))
            .AddResource("m1", currentCap: 1)
            .AddResource("m2", currentCap: 1)
            .AddTask("part", "a", steps => steps.Step("m1", "short").HandOff("m2", "long"))
            .Build();

        var records = Run(model, until: 30.5);

        Assert.Equal(
            [
                "10 task-0 queued L.service.short", "10 task-0 started L.service.short", "11 task-0 finished L.service.short",
                "11 task-0 queued L.service.long", "11 task-0 started L.service.long",
                "20 task-1 queued L.service.short", "20 task-1 started L.service.short", "21 task-1 finished L.service.short",
                "21 task-1 queued L.service.long",
                "30 task-2 queued L.service.short",
            ],
            records.Where(r => r.SimTime <= 30).Select(r => $"{Describe(r)} {r.PathId}").Take(10));
        Assert.DoesNotContain(records, r => r.Key.Number == 2 && r.Status == "started");
    }

    [Fact]
    public void Telemetry_should_publish_four_metrics_per_resource_from_time_zero()
    {
        var model = new LineBuilder("L")
            .AddArrival("a", DistributionConfig.Constant(1))
            .AddService("s", DistributionConfig.Constant(3))
            .AddResource("m", currentCap: 2, maxCap: 4)
            .AddTask("part", "a", steps => steps.Step("m", "s"))
            .AddTelemetry(5)
            .Build();

        var telemetry = Run(model, until: 5.5).Where(r => r.Kind == RecordKind.Telemetry).Select(r => $"{r.SimTime} {r.PathId} {r.Number}");

        // At 5 the probe (its timeout scheduled at 0) runs before the arrival and the finish due at 5 (scheduled
        // later): task-0 (1–4) is done, task-1 (2–5) and task-2 (4–7) hold both units, task-3 (arrived 4) waits.
        Assert.Equal(
            [
                "0 L.m.capacity 2", "0 L.m.in_use 0", "0 L.m.queue_length 0", "0 L.m.utilization 0",
                "5 L.m.capacity 2", "5 L.m.in_use 2", "5 L.m.queue_length 1", "5 L.m.utilization 100",
            ],
            telemetry);
    }

    [Fact]
    public void A_scenario_change_should_take_effect_at_its_time()
    {
        var model = new LineBuilder("L")
            .AddArrival("a", DistributionConfig.Constant(1))
            .AddService("s", DistributionConfig.Constant(10))
            .AddResource("m", currentCap: 1, maxCap: 3)
            .AddTask("part", "a", steps => steps.Step("m", "s"))
            .AddScenarioChange(4.5, "L.resources.m.current_cap", 3)
            .Build();

        var starts = Run(model, until: 6).Where(r => r.Status == "started").Select(r => $"{r.SimTime} {r.Key}");

        Assert.Equal(["1 task-0", "4.5 task-1", "4.5 task-2", "11 task-3"], Run(model, until: 12).Where(r => r.Status == "started").Select(r => $"{r.SimTime} {r.Key}"));
        Assert.Equal(["1 task-0", "4.5 task-1", "4.5 task-2"], starts);
    }

    [Fact]
    public void A_rate_of_zero_should_stop_arrivals_until_the_rate_changes()
    {
        var model = new LineBuilder("L")
            .AddArrival("a", DistributionConfig.Exponential(0))
            .AddService("s", DistributionConfig.Constant(1))
            .AddResource("m", currentCap: 1)
            .AddTask("part", "a", steps => steps.Step("m", "s"))
            .AddScenarioChange(100, "L.arrival.a.rate", 5.0)
            .Build();

        var queued = Run(model, until: 110).Where(r => r.Status == "queued").ToList();

        Assert.NotEmpty(queued);
        Assert.All(queued, r => Assert.True(r.SimTime > 100));
    }

    [Fact]
    public void Build_should_name_an_undefined_resource_and_list_the_defined_ones()
    {
        var builder = new LineBuilder("L")
            .AddArrival("a", DistributionConfig.Constant(1))
            .AddService("s", DistributionConfig.Constant(1))
            .AddResource("lathe", currentCap: 1)
            .AddTask("part", "a", steps => steps.Step("lahte", "s"));

        var error = Assert.Throws<ArgumentException>(builder.Build);

        Assert.Contains("Task 'part' of line 'L' uses the resource 'lahte', which is not defined. Defined: lathe.", error.Message);
    }

    [Fact]
    public void Build_should_refuse_a_scenario_value_before_any_run()
    {
        var builder = new LineBuilder("L")
            .AddResource("m", currentCap: 1, maxCap: 3)
            .AddScenarioChange(60, "L.resources.m.current_cap", 5);

        var error = Assert.Throws<ArgumentException>(builder.Build);

        Assert.Contains("Scenario change at t=60 s", error.Message);
        Assert.Contains("current_cap must lie in [0, max_cap] = [0, 3]", error.Message);
    }

    [Fact]
    public void The_same_seed_should_give_the_same_records_and_another_seed_others()
    {
        var model = ReferenceModels.LineA();

        var a = Run(model, until: 600, seed: 42).Select(r => r.ToString()).ToList();
        var b = Run(model, until: 600, seed: 42).Select(r => r.ToString()).ToList();
        var c = Run(model, until: 600, seed: 43).Select(r => r.ToString()).ToList();

        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
    }

    private static List<SimRecord> Run(LineModel model, double until, ulong seed = 1)
    {
        var sim = new Simulation();
        var sink = new InMemoryRecordSink();
        model.Start(sim, sink, RandomStream.Create(seed, model.SimId));
        sim.Run(until);
        return [.. sink.Records];
    }

    private static string Describe(SimRecord r) => $"{r.SimTime} {r.Key} {r.Status}";
}
