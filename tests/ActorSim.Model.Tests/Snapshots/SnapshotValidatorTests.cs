using ActorSim.Model.Building;
using ActorSim.Model.Distributions;
using ActorSim.Model.Plants;
using ActorSim.Model.Snapshots;

namespace ActorSim.Model.Tests.Snapshots;

/// <summary>A snapshot that does not fit its model is refused before anything runs, each problem named by its JSON path.</summary>
public sealed class SnapshotValidatorTests
{
    private static readonly PlantModel Plant = new PlantBuilder().AddLine(ReferenceModels.LineA()).Build();

    [Fact]
    public void A_hand_written_observed_snapshot_of_Line_A_is_accepted()
    {
        Assert.Empty(SnapshotValidator.Problems(Observed(Line()), Plant));
    }

    [Theory]
    [InlineData("resource", "lines[0].resources[0].name", "has no resource 'drill'")]
    [InlineData("task", "lines[0].tasks[0].task", "has no task 'weld'")]
    [InlineData("step", "lines[0].tasks[0].step", "outside task 'part'")]
    [InlineData("since", "lines[0].tasks[0].since", "after as_of")]
    [InlineData("duplicate", "lines[0].tasks[1].key", "listed twice")]
    [InlineData("over max", "lines[0].resources[0]", "above its max_cap")]
    [InlineData("queue while free", "lines[0].resources[0]", "a queued task would have started")]
    [InlineData("queue order", "lines[0].tasks[7]", "out of service order")]
    [InlineData("parameter", "lines[0].parameters['Line_A.arrival.standard.rat']", "Line_A.arrival.standard.rate")]
    [InlineData("negative rate", "lines[0].parameters['Line_A.arrival.standard.rate']", "rate")]
    [InlineData("finish before", "lines[0].tasks[0].finish_at", "before as_of")]
    [InlineData("holding", "lines[0].tasks[4].holding", "not a hand-off")]
    public void A_snapshot_that_breaks_a_rule_is_refused_naming_the_path(string broken, string path, string rule)
    {
        var line = Line();
        var tasks = line.Tasks.ToList();
        line = broken switch
        {
            "resource" => line with { Resources = [new ResourceSnapshot("drill", 4, 10)] },
            "task" => line with { Tasks = [tasks[0] with { Task = "weld" }, .. tasks.Skip(1)] },
            "step" => line with { Tasks = [tasks[0] with { Step = 1 }, .. tasks.Skip(1)] },
            "since" => line with { Tasks = [tasks[0] with { Since = 5000 }, .. tasks.Skip(1)] },
            "duplicate" => line with { Tasks = [tasks[0], tasks[1] with { Key = tasks[0].Key }, .. tasks.Skip(2)] },
            "over max" => line with { Tasks = [.. Enumerable.Range(0, 11).Select(i => InService($"task-{100 + i}"))] },
            "queue while free" => line with { Tasks = [tasks[0], tasks[4]] },
            "queue order" => line with { Tasks = [.. tasks, Queued("task-99", 3500)] },
            "parameter" => line with { Parameters = new Dictionary<string, object> { ["Line_A.arrival.standard.rat"] = 2.0 } },
            "negative rate" => line with { Parameters = new Dictionary<string, object> { ["Line_A.arrival.standard.rate"] = -1.0 } },
            "finish before" => line with { Tasks = [tasks[0] with { FinishAt = 3000 }, .. tasks.Skip(1)] },
            "holding" => line with { Tasks = [.. tasks.Take(4), tasks[4] with { Holding = new HeldResource("lathe", 3500) }] },
            _ => throw new ArgumentOutOfRangeException(nameof(broken)),
        };

        var e = Assert.Throws<SnapshotException>(() => SnapshotValidator.Check(Observed(line), Plant, "snap.json"));

        Assert.Contains($"{path}: ", e.Message);
        Assert.Contains(rule, e.Message);
        Assert.StartsWith("snap.json: ", e.Message);
    }

    [Fact]
    public void A_snapshot_of_another_model_is_refused_naming_both()
    {
        var other = new PlantBuilder().AddLine(new LineBuilder("Line_A")
            .AddArrival("standard", DistributionConfig.Exponential(2.0))
            .AddService("milling", DistributionConfig.Normal(2.0, 0.2))
            .AddResource("lathe", currentCap: 4, maxCap: 10)
            .AddResource("drill", currentCap: 1)
            .AddTask("part", arrival: "standard", steps => steps.Step("lathe", "milling"))
            .AddTelemetry(60)
            .Build()).Build();

        var e = Assert.Throws<SnapshotException>(() => SnapshotValidator.Check(Observed(Line()), other, "snap.json"));

        Assert.Equal("model.fingerprint", e.JsonPath);
        Assert.Contains(ModelFingerprint.Of(Plant), e.Message);
        Assert.Contains(ModelFingerprint.Of(other), e.Message);
    }

    [Fact]
    public void Parameter_values_do_not_change_the_fingerprint_but_structure_does()
    {
        var faster = new PlantBuilder().AddLine(new LineBuilder("Line_A")
            .AddArrival("standard", DistributionConfig.Exponential(3.0))
            .AddService("milling", DistributionConfig.Normal(1.0, 0.1))
            .AddResource("lathe", currentCap: 6, maxCap: 8)
            .AddTask("part", arrival: "standard", steps => steps.Step("lathe", "milling"))
            .AddTelemetry(60)
            .Build()).Build();
        var renamed = new PlantBuilder().AddLine(new LineBuilder("Line_A")
            .AddArrival("standard", DistributionConfig.Exponential(2.0))
            .AddService("milling", DistributionConfig.Normal(2.0, 0.2))
            .AddResource("mill", currentCap: 4, maxCap: 10)
            .AddTask("part", arrival: "standard", steps => steps.Step("mill", "milling"))
            .AddTelemetry(60)
            .Build()).Build();

        Assert.Equal(ModelFingerprint.Of(Plant), ModelFingerprint.Of(faster));
        Assert.NotEqual(ModelFingerprint.Of(Plant), ModelFingerprint.Of(renamed));
    }

    /// <summary>At 1 h: four tasks in service on the four lathes, three queued behind them.</summary>
    private static LineSnapshot Line() => new()
    {
        SimId = "Line_A",
        Resources = [new ResourceSnapshot("lathe", 4, 10)],
        Tasks =
        [
            InService("task-10"), InService("task-11"), InService("task-12"), InService("task-13"),
            Queued("task-14", 3590), Queued("task-15", 3595), Queued("task-16", 3599),
        ],
        NextTaskNumber = 17,
    };

    private static TaskSnapshot InService(string key) => new() { Key = key, Task = "part", Step = 0, State = TaskState.InService, Since = 3598 };

    private static TaskSnapshot Queued(string key, double since) => new() { Key = key, Task = "part", Step = 0, State = TaskState.Queued, Since = since };

    private static ModelSnapshot Observed(LineSnapshot line) => new()
    {
        Kind = SnapshotKind.Observed,
        Model = new ModelIdentity("Line_A", ModelFingerprint.Of(Plant)),
        Start = new DateTime(2026, 1, 1),
        AsOf = 3600,
        Lines = [line],
    };
}
