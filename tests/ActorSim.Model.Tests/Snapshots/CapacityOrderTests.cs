using ActorSim.Engine;
using ActorSim.Model.Building;
using ActorSim.Model.Distributions;
using ActorSim.Model.Plants;
using ActorSim.Model.Random;
using ActorSim.Model.Records;
using ActorSim.Model.Snapshots;

namespace ActorSim.Model.Tests.Snapshots;

/// <summary>A snapshot whose capacities moved past the model's bounds restores: max_cap makes room before current_cap needs it, and the reverse when both fall.</summary>
public sealed class CapacityOrderTests
{
    private static readonly LineModel Model = new LineBuilder("Line_C")
        .AddArrival("standard", DistributionConfig.Exponential(3.0))
        .AddService("milling", DistributionConfig.Constant(2.0))
        .AddResource("mill", currentCap: 4, maxCap: 10)
        .AddTask("part", arrival: "standard", steps => steps.Step("mill", "milling"))
        .AddScenarioChange(100, "Line_C.resources.mill.max_cap", 20)
        .AddScenarioChange(100, "Line_C.resources.mill.current_cap", 15)
        .Build();

    private static readonly PlantModel Plant = new PlantBuilder().AddLine(Model).Build();

    [Fact]
    public void An_exact_snapshot_after_capacities_grew_past_the_models_max_restores_and_goes_on_exactly()
    {
        var (line, _) = Run(200);
        var snapshot = SnapshotJson.Read(SnapshotJson.Write(SnapshotCapture.Take(Plant, "Line_C", [line])), "grown");
        Assert.Equal(15, snapshot.Lines[0].Resources[0].CurrentCap);

        SnapshotValidator.Check(snapshot, Plant, "grown");
        var sink = new InMemoryRecordSink();
        var simulation = new Simulation(snapshot.AsOf);
        Model.Resume(simulation, sink, snapshot.Lines[0], snapshot.Kind, RandomStream.Create(1));
        simulation.RunUntil(400);

        Assert.Equal(Run(400).Sink.Records.Where(r => r.SimTime >= 200).Select(r => r.ToString()), sink.Records.Select(r => r.ToString()));
    }

    [Theory]
    [InlineData(20L, 15L)]
    [InlineData(3L, 2L)]
    public void Parameters_that_move_both_bounds_are_applied_in_an_order_that_keeps_current_below_max(long max, long current)
    {
        var snapshot = new ModelSnapshot
        {
            Kind = SnapshotKind.Observed,
            Model = new ModelIdentity("Line_C", ModelFingerprint.Of(Plant)),
            Start = default,
            AsOf = 50,
            Lines = [new LineSnapshot { SimId = "Line_C", Parameters = new Dictionary<string, object> { ["Line_C.resources.mill.current_cap"] = current, ["Line_C.resources.mill.max_cap"] = max } }],
        };

        SnapshotValidator.Check(snapshot, Plant, "moved");
        var line = Model.Resume(new Simulation(50), NullRecordSink.Instance, snapshot.Lines[0], snapshot.Kind, RandomStream.Create(1));

        Assert.Equal((current, max), ((long)line.Resources["mill"].Capacity, (long)line.Resources["mill"].MaxCapacity));
    }

    private static (Line Line, InMemoryRecordSink Sink) Run(double until)
    {
        var simulation = new Simulation();
        var sink = new InMemoryRecordSink();
        var line = Model.Start(simulation, sink, RandomStream.Create(9, "Line_C"));
        simulation.RunUntil(until);
        return (line, sink);
    }
}
