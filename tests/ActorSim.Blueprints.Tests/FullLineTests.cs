using ActorSim.Blueprints.Tests.Support;
using ActorSim.Model.Building;
using ActorSim.Model.Distributions;

namespace ActorSim.Blueprints.Tests;

public class FullLineTests
{
    private static Blueprint LoadFull() => BlueprintLoader.Load(Path.Combine(AppContext.BaseDirectory, "Data", "full-line.yaml"));

    private static LineModel BuiltInCSharp() => new LineBuilder("Cell_7")
        .AddArrival("orders", DistributionConfig.Exponential(0.5))
        .AddArrival("rush", DistributionConfig.Empirical([1, 2, 3], [3, 2, 1]))
        .AddService("cut", DistributionConfig.Triangular(1, 2, 4))
        .AddService("weld", DistributionConfig.Lognormal(3, 0.5))
        .AddService("inspect", DistributionConfig.Constant(0.5))
        .AddResource("saw", 2)
        .AddResource("welder", 1, 3)
        .AddResource("bench", 2, 2)
        .AddContainer("steel", 100.5, 200, 40)
        .AddContainer("oil", 10)
        .AddStore("rack", 5, 8)
        .AddStore("bin", 3)
        .AddVariable("running", true)
        .AddVariable("shift", 2)
        .AddVariable("big", 5_000_000_000L)
        .AddVariable("speed", 1.25)
        .AddVariable("mode", "eco")
        .AddVariable("code", "7")
        .AddTask("frame", "orders", steps => steps.Step("saw", "cut").HandOff("welder", "weld", priority: 0).Step("bench", "inspect", priority: 2), keyPrefix: "frame-")
        .AddTask("express", "rush", steps => steps.Step("bench", "inspect"))
        .AddTelemetry(300)
        .AddScenarioChange(7200, "Cell_7.resources.welder.current_cap", 3)
        .AddScenarioChange(3600, "Cell_7.service.weld.mean", 2.5)
        .AddScenarioChange(10800, "Cell_7.variables.running", false)
        .AddScenarioChange(10800, "Cell_7.variables.mode", "turbo")
        .Build();

    [Fact]
    public void Full_line_should_match_the_LineBuilder_model()
    {
        var blueprint = LoadFull();

        Models.AssertSameDefinition(BuiltInCSharp(), blueprint.Model);
        Assert.Equal(new SimulationSettings("Cell_7", 7, null, null, 1.5), blueprint.Simulation);
        Assert.Empty(blueprint.Egress);
    }

    [Fact]
    public void Full_line_should_run_record_for_record_like_the_LineBuilder_model()
    {
        var expected = Models.Run(BuiltInCSharp(), 7, 4 * 3600);
        var actual = Models.Run(LoadFull().Model, 7, 4 * 3600);

        Assert.True(expected.Count > 1000, $"only {expected.Count} records");
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Max_cap_should_default_to_current_cap()
    {
        var parameters = LoadFull().Model.CreateParameters();

        Assert.Equal((2.0, 2.0), (parameters.Resources["saw"].CurrentCap, parameters.Resources["saw"].MaxCap));
        Assert.Equal((10.0, 10.0), (parameters.Containers["oil"].CurrentCap, parameters.Containers["oil"].MaxCap));
        Assert.Equal((3.0, 3.0), (parameters.Stores["bin"].CurrentCap, parameters.Stores["bin"].MaxCap));
    }

    [Fact]
    public void Variables_should_be_typed_as_YAML_writes_them()
    {
        var variables = LoadFull().Model.CreateParameters().Variables;

        Assert.Equal<object>([true, 2, 5_000_000_000L, 1.25, "eco", "7"], new[] { "running", "shift", "big", "speed", "mode", "code" }.Select(n => variables[n]));
    }

    [Fact]
    public void Steps_should_keep_hand_off_and_priority()
    {
        var frame = LoadFull().Model.Tasks[0];

        Assert.Equal("frame-", frame.KeyPrefix);
        Assert.Equal(
            [new TaskStep("saw", "cut"), new TaskStep("welder", "weld", HandOff: true, Priority: 0), new TaskStep("bench", "inspect", Priority: 2)],
            frame.Steps);
    }

    [Fact]
    public void Anchors_and_aliases_should_share_definitions()
    {
        var parameters = Yaml.Load("""
            simulation: {sim_id: L}
            services:
              cut: &quick {dist: uniform, min: 1, max: 2}
              drill: *quick
            """).Model.CreateParameters();

        Assert.Equal(parameters.Service["cut"].ToString(), parameters.Service["drill"].ToString());
        Assert.NotSame(parameters.Service["cut"], parameters.Service["drill"]);
    }

    [Fact]
    public void Empty_sections_should_define_nothing()
    {
        var model = Yaml.Load("simulation: {sim_id: L}\ncontainers: {}\nscenario: []\negress: []\ntasks: {}").Model;

        Assert.Empty(model.Tasks);
        Assert.Empty(model.Scenario);
        Assert.Null(model.TelemetryInterval);
    }
}
