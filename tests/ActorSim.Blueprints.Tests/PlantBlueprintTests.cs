using ActorSim.Blueprints.Tests.Support;
using ActorSim.Model.Building;
using ActorSim.Model.Distributions;
using ActorSim.Model.Plants;

namespace ActorSim.Blueprints.Tests;

public class PlantBlueprintTests
{
    [Fact]
    public void Minimal_plant_should_keep_the_lines_in_file_order_with_their_links()
    {
        var blueprint = Yaml.LoadPlant(Yaml.MinimalPlant);

        Assert.Equal(["A", "B"], blueprint.Plant.Lines.Select(l => l.SimId));
        var link = Assert.Single(blueprint.Plant.Links);
        Assert.Equal(("ab", "A", "B", 2.0), (link.Name, link.From, link.To, link.Lookahead));
        Assert.Equal(DistributionConfig.Constant(2).ToString(), link.Delay.ToString());
        Assert.Equal("ab", Assert.Single(blueprint.Plant.Lines[1].Tasks).FromLink);
        Assert.Equal(Yaml.Source, blueprint.SourceName);
    }

    [Fact]
    public void Plant_should_be_named_plant_unless_sim_id_names_it()
    {
        Assert.Equal(new SimulationSettings("plant", Seed: 7), Yaml.LoadPlant(Yaml.MinimalPlant).Simulation);

        var named = Yaml.MinimalPlant.Replace("simulation: {seed: 7}", "simulation: {sim_id: Works, seed: 7, duration: 2 h, factor: 10}", StringComparison.Ordinal);
        Assert.Equal(new SimulationSettings("Works", 7, null, 7200, 10), Yaml.LoadPlant(named).Simulation);

        var without = Yaml.MinimalPlant.Replace("simulation: {seed: 7}\n", "", StringComparison.Ordinal);
        Assert.Equal(new SimulationSettings("plant"), Yaml.LoadPlant(without).Simulation);
    }

    [Fact]
    public void Send_to_should_accept_a_name_a_mapping_or_a_weighted_list_with_typed_attributes()
    {
        var plant = Yaml.LoadPlant("""
            lines:
              A:
                arrivals: {a: {dist: exponential, rate: 1}}
                services: {s: {dist: constant, value: 1}}
                resources: {r: {current_cap: 1}}
                tasks:
                  one:   {arrival: a, steps: [{resource: r, service: s}], send_to: ab}
                  two:   {arrival: a, steps: [{resource: r, service: s}], send_to: {link: ac, attributes: {grade: 2, "code": "7"}}}
                  three: {arrival: a, steps: [{resource: r, service: s}], send_to: [{link: ab, weight: 3}, {link: ac, attributes: {reworked: true}}]}
              B:
                services: {s: {dist: constant, value: 1}}
                resources: {r: {current_cap: 1}}
                tasks: {u: {from_link: ab, steps: [{resource: r, service: s}]}}
              C:
                services: {s: {dist: constant, value: 1}}
                resources: {r: {current_cap: 1}}
                tasks: {u: {from_link: ac, steps: [{resource: r, service: s}]}}
            links:
              ab: {from: A, to: B, lookahead: PT1S}
              ac: {from: A, to: C, lookahead: 1, delay: {dist: uniform, min: 1, max: 2}}
            """).Plant;

        var tasks = plant.Lines[0].Tasks;
        Assert.Equal(new LinkChoice("ab"), Assert.Single(tasks[0].Sends));
        var two = Assert.Single(tasks[1].Sends);
        Assert.Equal(("ac", 1.0), (two.Link, two.Weight));
        Assert.Equal(new Dictionary<string, object> { ["grade"] = 2, ["code"] = "7" }, two.Attributes);
        Assert.Equal([("ab", 3.0), ("ac", 1.0)], tasks[2].Sends.Select(c => (c.Link, c.Weight)));
        Assert.Null(tasks[2].Sends[0].Attributes);
        Assert.Equal(true, tasks[2].Sends[1].Attributes!["reworked"]);
        Assert.Equal(1.0, plant.Link("ab").Lookahead);
    }

    [Fact]
    public void Plant_should_run_like_the_same_plant_built_in_CSharp()
    {
        var yaml = Yaml.MinimalPlant.Replace("send_to: ab", "key_prefix: a-, send_to: ab", StringComparison.Ordinal);
        var expected = new PlantBuilder()
            .AddLine(new LineBuilder("A")
                .AddArrival("a", DistributionConfig.Exponential(1))
                .AddService("s", DistributionConfig.Constant(1))
                .AddResource("r", 1)
                .AddTask("t", "a", steps => steps.Step("r", "s").SendTo("ab"), keyPrefix: "a-")
                .Build())
            .AddLine(new LineBuilder("B")
                .AddService("s", DistributionConfig.Constant(1))
                .AddResource("r", 1)
                .AddTaskFromLink("u", "ab", steps => steps.Step("r", "s"))
                .Build())
            .AddLink("ab", "A", "B", 2)
            .Build();

        var actual = Yaml.LoadPlant(yaml).Plant;

        Plants.AssertSameDefinition(expected, actual);
        var records = Plants.Run(actual, 7, 600);
        Assert.Contains(records["B"], r => r.Contains(" a-1 B.", StringComparison.Ordinal));
        Assert.Equal(Plants.Run(expected, 7, 600), records);
    }

    [Fact]
    public void Single_line_blueprint_should_load_as_a_plant_of_one_line()
    {
        var blueprint = BlueprintLoader.LoadPlantFromText(Yaml.Example, Yaml.Source);

        var line = Assert.Single(blueprint.Plant.Lines);
        Assert.Empty(blueprint.Plant.Links);
        Models.AssertSameDefinition(Yaml.Load(Yaml.Example).Model, line);
        Assert.Equal("Line_A", blueprint.Simulation.SimId);
        Assert.Single(blueprint.Egress);
    }

    [Fact]
    public void Plant_egress_should_be_read_as_for_a_line()
    {
        var blueprint = Yaml.LoadPlant(Yaml.MinimalPlant + "\negress: [{format: jsonl, dest: out}, {name: lake, dest: \"s3://bucket/plant\"}]");

        Assert.Equal([("egress-1", "jsonl", "out"), ("lake", "parquet", "s3://bucket/plant")], blueprint.Egress.Select(e => (e.Name, e.Format, e.Dest)));
    }
}
