using ActorSim.Model.Building;
using ActorSim.Model.Plants;
using ActorSim.Model.Tests.Support;

namespace ActorSim.Model.Tests.Plants;

/// <summary>Issue 4 §3: per line, the windowed runner writes exactly the records of the sequential reference.</summary>
public class PlantDeterminismTests
{
    public static TheoryData<string, ulong, int> Cases()
    {
        var data = new TheoryData<string, ulong, int>();
        foreach (var plant in new[] { "two-stage", "rework-loop" })
        {
            foreach (var seed in new ulong[] { 1, 42, 20240601 })
            {
                data.Add(plant, seed, 1);
            }

            data.Add(plant, 7, 2);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Windowed_runner_should_write_the_records_of_the_sequential_reference_line_for_line(string name, ulong seed, int parallelism)
    {
        var plant = Plant(name);
        const double until = 1800;

        var (reference, referenceStats) = PlantRuns.Run(new SequentialPlantRunner(plant), seed, until);
        var (windowed, windowedStats) = PlantRuns.Run(new WindowedPlantRunner(plant, parallelism), seed, until);

        Assert.Equal(plant.Lines.Select(l => l.SimId).Order(), windowed.Keys.Order());
        foreach (var (simId, records) in reference)
        {
            Assert.True(records.Count > 100, $"{simId} wrote only {records.Count} records");
            Assert.Equal(records, windowed[simId]);
        }

        Assert.Equal(referenceStats.ItemsSent, windowedStats.ItemsSent);
        Assert.True(windowedStats.Rounds >= 2);
    }

    [Fact]
    public void Two_stage_plant_should_move_items_across_both_conveyors_and_run_in_two_rounds()
    {
        var plant = ReferenceModels.TwoStagePlant(lookahead: 5);

        var (records, stats) = PlantRuns.Run(new WindowedPlantRunner(plant), 3, 600);

        Assert.Equal(8, plant.Lines.Count);
        Assert.Contains(records["Assembly_2"], r => r.Contains("m1-part-", StringComparison.Ordinal));
        Assert.Contains(records["Assembly_2"], r => r.Contains("m2-part-", StringComparison.Ordinal));
        Assert.Contains(records["Machining_1"], r => r.Contains("Machining_1.links.crossover_1 sent", StringComparison.Ordinal));

        // Machining lines have no inbound link: they run to the end in round 1; the assembly lines follow in round 2.
        Assert.Equal(2, stats.Rounds);
    }

    [Fact]
    public void Rework_loop_should_send_parts_back_upstream_and_need_many_rounds()
    {
        var plant = ReferenceModels.ReworkLoopPlant(lookahead: 5);

        var (records, stats) = PlantRuns.Run(new WindowedPlantRunner(plant), 3, 600);

        Assert.Contains(records["Inspection"], r => r.EndsWith("Inspection.links.rework_return sent", StringComparison.Ordinal));
        Assert.Contains(records["Machining"], r => r.EndsWith("Machining.service.remilling started", StringComparison.Ordinal));
        Assert.True(stats.Rounds > 600 / 10, $"only {stats.Rounds} rounds for a 2-cycle with lookahead 5 over 600 s");
    }

    private static PlantModel Plant(string name) => name == "two-stage" ? ReferenceModels.TwoStagePlant(5) : ReferenceModels.ReworkLoopPlant(5);
}
