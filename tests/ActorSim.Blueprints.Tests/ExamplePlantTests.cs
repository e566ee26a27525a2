using ActorSim.Blueprints.Tests.Support;
using ActorSim.Model.Building;
using ActorSim.Model.Plants;

namespace ActorSim.Blueprints.Tests;

public class ExamplePlantTests
{
    public static TheoryData<string> Examples => new() { "two-stage-plant.yaml", "rework-loop.yaml" };

    private static PlantBlueprint LoadExample(string file) => BlueprintLoader.LoadPlant(Path.Combine(AppContext.BaseDirectory, "Data", file));

    private static PlantModel BuiltInCSharp(string file) => file switch
    {
        "two-stage-plant.yaml" => ReferenceModels.TwoStagePlant(lookahead: 5),
        "rework-loop.yaml" => ReferenceModels.ReworkLoopPlant(lookahead: 5),
        _ => throw new ArgumentOutOfRangeException(nameof(file), file, "not an example plant"),
    };

    [Fact]
    public void Two_stage_example_should_have_eight_lines_in_two_stages_with_a_5_s_lookahead()
    {
        var plant = LoadExample("two-stage-plant.yaml").Plant;

        Assert.Equal(8, plant.Lines.Count);
        Assert.All(plant.Links, link => Assert.Equal(5, link.Lookahead));
        Assert.All(plant.Links, link => Assert.StartsWith("Machining_", link.From, StringComparison.Ordinal));
        Assert.All(plant.Links, link => Assert.StartsWith("Assembly_", link.To, StringComparison.Ordinal));
    }

    [Fact]
    public void Rework_example_should_send_items_back_upstream()
    {
        var plant = LoadExample("rework-loop.yaml").Plant;

        var rework = plant.Link("rework_return");
        Assert.True(plant.IndexOf(rework.From) > plant.IndexOf(rework.To));
        Assert.Contains(plant.Links, link => link.From == rework.To && link.To == rework.From);
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Example_plant_should_load_with_its_settings(string file)
    {
        var blueprint = LoadExample(file);

        Assert.Equal(new SimulationSettings(PlantBlueprint.DefaultName, 42, new DateTime(2026, 1, 1), 86400, 0), blueprint.Simulation);
        Assert.Equal(("parquet", "out/" + Path.GetFileNameWithoutExtension(file)), (Assert.Single(blueprint.Egress).Format, blueprint.Egress[0].Dest));
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Example_plant_should_define_what_the_CSharp_reference_plant_defines(string file)
    {
        Plants.AssertSameDefinition(BuiltInCSharp(file), LoadExample(file).Plant);
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Example_plant_should_run_record_for_record_like_the_CSharp_reference_plant_on_every_line(string file)
    {
        var blueprint = LoadExample(file);

        var expected = Plants.Run(BuiltInCSharp(file), blueprint.Simulation.Seed, 600);
        var actual = Plants.Run(blueprint.Plant, blueprint.Simulation.Seed, 600);

        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), actual.Keys.Order(StringComparer.Ordinal));
        foreach (var (simId, records) in expected)
        {
            Assert.True(records.Length > 50, $"{simId}: only {records.Length} records");
            Assert.Equal(records, actual[simId]);
        }
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Example_plant_should_run_a_simulated_hour_with_items_reaching_every_line(string file)
    {
        var plant = LoadExample(file).Plant;

        var sinks = new Dictionary<string, Model.Records.InMemoryRecordSink>(StringComparer.Ordinal);
        var stats = new SequentialPlantRunner(plant).Run(42, 3600, line => sinks[line.SimId] = new Model.Records.InMemoryRecordSink());

        Assert.True(stats.ItemsSent > 500, $"only {stats.ItemsSent} items sent");
        Assert.All(plant.Lines, line => Assert.Contains(sinks[line.SimId].Records, r => r.Status == "finished"));
    }
}
