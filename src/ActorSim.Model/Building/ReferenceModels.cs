using System.Globalization;
using ActorSim.Model.Distributions;
using ActorSim.Model.Plants;

namespace ActorSim.Model.Building;

/// <summary>The models and plants the project measures itself with.</summary>
public static class ReferenceModels
{
    /// <summary>
    /// The seed's history example, "Line_A": exponential arrivals at 2/s, normal(2 s, 0.2 s) milling on 4 of at
    /// most 10 lathes, one step per task, telemetry every 60 s. Utilization is 100 %, so the queue drifts upward.
    /// </summary>
    public static LineModel LineA() => new LineBuilder("Line_A")
        .AddArrival("standard", DistributionConfig.Exponential(2.0))
        .AddService("milling", DistributionConfig.Normal(2.0, 0.2))
        .AddResource("lathe", currentCap: 4, maxCap: 10)
        .AddTask("part", arrival: "standard", steps => steps.Step("lathe", "milling"))
        .AddTelemetry(60)
        .Build();

    /// <summary>
    /// Eight lines in two stages: Machining_1..4 (raw parts at 0.5/s, normal(1.6 s) milling on one mill) send three
    /// parts in four over <c>conveyor_k</c> (uniform(L, L + 10 s)) to Assembly_k and one over <c>crossover_k</c>
    /// (triangular(L, 2L, 4L)) to the next assembly line; Assembly_1..4 assemble (normal(1.5 s)) then test
    /// (constant 0.5 s). Every link has lookahead L = <paramref name="lookahead"/>; telemetry every 60 s.
    /// </summary>
    public static PlantModel TwoStagePlant(double lookahead = 5)
    {
        var plant = new PlantBuilder();
        for (var k = 1; k <= 4; k++)
        {
            plant.AddLine(new LineBuilder(Name("Machining_", k))
                .AddArrival("raw", DistributionConfig.Exponential(0.5))
                .AddService("milling", DistributionConfig.Normal(1.6, 0.16))
                .AddResource("mill", currentCap: 1, maxCap: 2)
                .AddTask("part", "raw", steps => steps
                    .Step("mill", "milling")
                    .SendToOneOf(new LinkChoice(Name("conveyor_", k), 3), new LinkChoice(Name("crossover_", k), 1)),
                    keyPrefix: Name("m", k) + "-part-")
                .AddTelemetry(60)
                .Build());
        }

        for (var k = 1; k <= 4; k++)
        {
            plant.AddLine(new LineBuilder(Name("Assembly_", k))
                .AddService("assembly", DistributionConfig.Normal(1.5, 0.15))
                .AddService("testing", DistributionConfig.Constant(0.5))
                .AddResource("station", currentCap: 1, maxCap: 2)
                .AddResource("tester", currentCap: 1)
                .AddTaskFromLink("main", Name("conveyor_", k), steps => steps.Step("station", "assembly").Step("tester", "testing"))
                .AddTaskFromLink("crossover", Name("crossover_", k == 1 ? 4 : k - 1), steps => steps.Step("station", "assembly").Step("tester", "testing"))
                .AddTelemetry(60)
                .Build());
        }

        for (var k = 1; k <= 4; k++)
        {
            plant.AddLink(Name("conveyor_", k), Name("Machining_", k), Name("Assembly_", k), lookahead,
                DistributionConfig.Uniform(lookahead, lookahead + 10));
            plant.AddLink(Name("crossover_", k), Name("Machining_", k), Name("Assembly_", k % 4 + 1), lookahead,
                DistributionConfig.Triangular(lookahead, 2 * lookahead, 4 * lookahead));
        }

        return plant.Build();
    }

    /// <summary>
    /// A cycle: Machining (raw parts at 0.4/s, normal(1.5 s) milling) sends every part over <c>to_inspection</c>
    /// to Inspection (uniform(0.8 s, 1.6 s) gauging), which sends one part in five back over <c>rework_return</c>
    /// (marked <c>reworked</c>) to be re-milled (normal(1 s)) and inspected again, and the rest over
    /// <c>to_packing</c> to Packing (constant 1 s). Every link has lookahead L = <paramref name="lookahead"/>.
    /// </summary>
    public static PlantModel ReworkLoopPlant(double lookahead = 5)
    {
        var reworked = new Dictionary<string, object>(StringComparer.Ordinal) { ["reworked"] = true };
        return new PlantBuilder()
            .AddLine(new LineBuilder("Machining")
                .AddArrival("raw", DistributionConfig.Exponential(0.4))
                .AddService("milling", DistributionConfig.Normal(1.5, 0.15))
                .AddService("remilling", DistributionConfig.Normal(1.0, 0.1))
                .AddResource("mill", currentCap: 1, maxCap: 2)
                .AddTask("part", "raw", steps => steps.Step("mill", "milling").SendTo("to_inspection"), keyPrefix: "part-")
                .AddTaskFromLink("rework", "rework_return", steps => steps.Step("mill", "remilling", priority: 0).SendTo("to_inspection"))
                .AddTelemetry(60)
                .Build())
            .AddLine(new LineBuilder("Inspection")
                .AddService("inspection", DistributionConfig.Uniform(0.8, 1.6))
                .AddResource("gauge", currentCap: 1)
                .AddTaskFromLink("inspect", "to_inspection", steps => steps
                    .Step("gauge", "inspection")
                    .SendToOneOf(new LinkChoice("rework_return", 1, reworked), new LinkChoice("to_packing", 4)))
                .AddTelemetry(60)
                .Build())
            .AddLine(new LineBuilder("Packing")
                .AddService("packing", DistributionConfig.Constant(1.0))
                .AddResource("packer", currentCap: 1)
                .AddTaskFromLink("pack", "to_packing", steps => steps.Step("packer", "packing"))
                .AddTelemetry(60)
                .Build())
            .AddLink("to_inspection", "Machining", "Inspection", lookahead, DistributionConfig.Uniform(lookahead, 2 * lookahead))
            .AddLink("rework_return", "Inspection", "Machining", lookahead, DistributionConfig.Constant(3 * lookahead))
            .AddLink("to_packing", "Inspection", "Packing", lookahead, DistributionConfig.Uniform(lookahead, lookahead + 5))
            .Build();
    }

    private static string Name(string prefix, int k) => prefix + k.ToString(CultureInfo.InvariantCulture);
}
