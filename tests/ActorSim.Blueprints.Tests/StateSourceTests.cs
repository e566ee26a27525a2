using ActorSim.Blueprints.Tests.Support;

namespace ActorSim.Blueprints.Tests;

/// <summary><c>state_source</c>: the relations (names or queries) a database snapshot reads, in a line or a plant blueprint.</summary>
public class StateSourceTests
{
    [Fact]
    public void A_blueprint_without_state_source_keeps_the_default_relations()
    {
        Assert.Null(Yaml.Load(Yaml.Minimal).StateSource);
        Assert.Null(Yaml.LoadPlant(Yaml.MinimalPlant).StateSource);
    }

    [Fact]
    public void State_source_should_read_relation_names_and_queries()
    {
        var blueprint = Yaml.Load(Yaml.Minimal + """

            state_source:
              wip: plant.wip_view
              parameters: "SELECT 'L' AS line, path, value FROM settings ORDER BY path"
            """);

        Assert.Equal(
            new StateSourceSpec { Wip = "plant.wip_view", Parameters = "SELECT 'L' AS line, path, value FROM settings ORDER BY path" },
            blueprint.StateSource);
    }

    [Fact]
    public void A_single_line_read_as_a_plant_keeps_its_state_source()
    {
        var plant = Yaml.LoadPlant(Yaml.Minimal + "\nstate_source: {resources: my_capacities}");

        Assert.Equal(new StateSourceSpec { Resources = "my_capacities" }, plant.StateSource);
    }

    [Fact]
    public void A_plant_reads_its_state_source_at_the_top_level()
    {
        var plant = Yaml.LoadPlant(Yaml.MinimalPlant + "\nstate_source: {wip: \"${WIP_VIEW:-plant_wip}\"}");

        Assert.Equal(new StateSourceSpec { Wip = "plant_wip" }, plant.StateSource);
    }

    [Theory]
    [InlineData("state_source: {queue: q}", 5, 16, "state_source.queue", "unknown key 'queue'", "wip, parameters, resources")]
    [InlineData("state_source: {wip: \"  \"}", 5, 21, "state_source.wip", "a relation name", "got an empty text")]
    [InlineData("state_source: [wip]", 5, 15, "state_source", "expected a mapping with the keys wip, parameters, resources")]
    public void A_bad_state_source_is_refused_at_its_key(string section, int line, int column, string keyPath, params string[] fragments)
    {
        var error = Yaml.Error(Yaml.Minimal + "\n" + section);

        Yaml.AssertAt(error, line, column, keyPath, fragments);
    }
}
