using ActorSim.Engine;
using ActorSim.Model.Building;
using ActorSim.Model.Distributions;
using ActorSim.Model.Plants;
using ActorSim.Model.Random;
using ActorSim.Model.Records;
using ActorSim.Model.Snapshots;

namespace ActorSim.Model.Tests.Snapshots;

/// <summary>
/// The contract of exact snapshots for a single line: a run of 0 … T+D writes, from T on, exactly what a run of 0 … T
/// snapshotted at T (through JSON) and continued for D writes.
/// </summary>
public sealed class LineSnapshotExactnessTests
{
    private static readonly DateTime Start = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Unspecified);

    [Theory]
    [InlineData(1800.0)]
    [InlineData(3600.0)]
    [InlineData(3661.25)]
    public void Line_A_continued_from_a_snapshot_writes_what_the_uninterrupted_run_writes(double at)
    {
        AssertContinuationMatches(ReferenceModels.LineA(), at, 3 * 3600);
    }

    [Theory]
    [InlineData(600.0)]
    [InlineData(1200.0)]
    [InlineData(1799.5)]
    [InlineData(1800.0)]
    [InlineData(2400.0)]
    public void A_line_with_hand_offs_priorities_and_a_scenario_continues_exactly(double at)
    {
        AssertContinuationMatches(HandOffLine(), at, 3600);
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(485.0)]
    [InlineData(1800.0)]
    [InlineData(2913.5)]
    [InlineData(3595.0)]
    public void A_line_with_production_schedules_continued_mid_schedule_writes_what_the_uninterrupted_run_writes(double at)
    {
        // Whole and half seconds: some snapshots fall on a release's time, whose tasks must start once, in order.
        AssertContinuationMatches(ActorSim.Model.Tests.Building.ScheduleSnapshotLines.Mixed(), at, 3600 - at + 600);
    }

    [Fact]
    public void An_observed_snapshot_of_a_scheduled_line_does_not_replay_releases_before_its_instant()
    {
        var model = ActorSim.Model.Tests.Building.ScheduleSnapshotLines.Mixed();
        var (line, _) = Run(model, 1800);
        var exact = line.CaptureState();
        var observed = exact with { Schedules = null, Random = null, Telemetry = null, ScenarioWake = null, Arrivals = [] };

        var simulation = new Simulation(1800, Start);
        var sink = new InMemoryRecordSink();
        model.Resume(simulation, sink, observed, SnapshotKind.Observed, RandomStream.Create(7));
        simulation.RunUntil(3600);

        var released = sink.Records.Where(r => r.Status == "queued" && r.PathId == "Line_S.service.cutting" && r.Key.Prefix.StartsWith("order-", StringComparison.Ordinal)).ToArray();
        var expected = model.Schedules[0].Releases.Where(r => r.Time >= 1800 && r.Key is not null).Select(r => r.Key!).ToArray();
        Assert.Equal(expected, released.Select(r => r.Key.ToString()));
    }

    [Fact]
    public void A_snapshot_holds_queued_in_service_and_handed_off_tasks_with_their_times()
    {
        var model = HandOffLine();
        var (line, _) = Run(model, 1200);

        var state = line.CaptureState();

        Assert.Contains(state.Tasks, t => t.State == TaskState.Queued);
        Assert.Contains(state.Tasks, t => t.State == TaskState.InService && t.FinishAt >= 1200 && t.Since <= 1200 && t.Order is not null);
        Assert.Contains(state.Tasks, t => t.Holding is { Resource: "cutter" });
        var press = state.Resources.Single(r => r.Name == "press");
        Assert.Equal(line.Resources["press"].QueueLength, press.QueueLength);
        Assert.Equal(state.Tasks.Count(t => t.State == TaskState.Queued && t.Step == 1), press.QueueLength);
        Assert.Equal(line.TasksCreated, state.NextTaskNumber);
        Assert.NotNull(state.Telemetry);
        Assert.NotNull(state.ScenarioWake);
    }

    [Fact]
    public void A_snapshot_written_read_back_and_written_again_is_the_same_document()
    {
        var model = HandOffLine();
        var plant = Plant(model);
        var (line, _) = Run(model, 1500);
        var first = SnapshotJson.Write(SnapshotCapture.Take(plant, "hand-off", [line], 42));

        var second = SnapshotJson.Write(SnapshotJson.Read(first, "snapshot.json"));

        Assert.Equal(first, second);
    }

    private static void AssertContinuationMatches(LineModel model, double at, double duration)
    {
        var plant = Plant(model);
        var (_, whole) = Run(model, at + duration);
        var (line, _) = Run(model, at);
        var json = SnapshotJson.Write(SnapshotCapture.Take(plant, "test", [line], 42));
        var snapshot = SnapshotJson.Read(json, "snapshot.json");
        SnapshotValidator.Check(snapshot, plant, "snapshot.json");

        var simulation = new Simulation(snapshot.AsOf, snapshot.Start);
        var sink = new InMemoryRecordSink();
        model.Resume(simulation, sink, snapshot.Lines[0], snapshot.Kind, RandomStream.Create(7));
        simulation.RunUntil(at + duration);

        var expected = whole.Records.Where(r => r.SimTime >= at).Select(Describe).ToArray();
        var actual = sink.Records.Select(Describe).ToArray();
        Assert.True(expected.Length > 100, $"only {expected.Length} records after t={at}");
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.True(expected[i] == actual[i], $"record {i} of {expected.Length}: expected {expected[i]}, got {actual[i]}");
        }
    }

    private static (Line Line, InMemoryRecordSink Sink) Run(LineModel model, double until)
    {
        var simulation = new Simulation(0, Start);
        var sink = new InMemoryRecordSink();
        var line = model.Start(simulation, sink, RandomStream.Create(42, model.SimId));
        simulation.RunUntil(until);
        return (line, sink);
    }

    private static string Describe(SimRecord r) =>
        $"{r.Kind} {r.SimTime:R} {r.Key} {r.PathId} {r.Status} {r.Number:R} {r.Value}";

    private static PlantModel Plant(LineModel model) => new PlantBuilder().AddLine(model).Build();

    /// <summary>
    /// Two kinds of task on three resources: 'part' cuts then hands off to the press (keeping its cutter until a press
    /// is free), 'rush' presses at a higher priority; the press shrinks at 1800 s and grows back at 2400 s; a second
    /// arrival stops at 1200 s (rate 0) and restarts at 2400 s; telemetry every 60 s.
    /// </summary>
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
