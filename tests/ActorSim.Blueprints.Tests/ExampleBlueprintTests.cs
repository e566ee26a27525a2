using ActorSim.Blueprints.Tests.Support;
using ActorSim.Model.Building;
using ActorSim.Model.Distributions;

namespace ActorSim.Blueprints.Tests;

public class ExampleBlueprintTests
{
    private static LineModel BuiltInCSharp() => new LineBuilder("Line_A")
        .AddArrival("standard", DistributionConfig.Exponential(2.0))
        .AddService("milling", DistributionConfig.Normal(2.0, 0.2))
        .AddResource("lathe", currentCap: 4, maxCap: 10)
        .AddTask("part", "standard", steps => steps.Step("lathe", "milling"))
        .AddTelemetry("60 s")
        .AddScenarioChange(3 * 86400, "Line_A.resources.lathe.current_cap", 6)
        .Build();

    [Fact]
    public void Example_file_should_load_with_the_issue_settings()
    {
        var blueprint = BlueprintLoader.Load(Path.Combine(AppContext.BaseDirectory, "Data", "line.yaml"));

        Assert.Equal(new SimulationSettings("Line_A", 42, new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Unspecified), 604800, 0), blueprint.Simulation);
        Assert.Equal(DateTimeKind.Unspecified, blueprint.Simulation.Start!.Value.Kind);
        Assert.EndsWith("line.yaml", blueprint.SourceName);
        var egress = Assert.Single(blueprint.Egress);
        Assert.Equal(("egress-1", "jsonl", "out", "events.jsonl", true, false), (egress.Name, egress.Format, egress.Dest, egress.Path, egress.Flatten, egress.PartitionByDate));
        Assert.Equal(["telemetry"], egress.Drop);
        Assert.Null(egress.TelemetryPath);
        Assert.Null(egress.BatchSize);
        Assert.Null(egress.FlushInterval);
        Assert.Null(egress.Compression);
    }

    [Fact]
    public void Example_model_should_match_the_LineBuilder_model()
    {
        var blueprint = Yaml.Load(Yaml.Example);

        Models.AssertSameDefinition(BuiltInCSharp(), blueprint.Model);
        Assert.IsType<int>(Assert.Single(blueprint.Model.Scenario).Value);
    }

    [Fact]
    public void Example_model_should_run_record_for_record_like_the_LineBuilder_model()
    {
        var blueprint = Yaml.Load(Yaml.Example);

        var expected = Models.Run(BuiltInCSharp(), blueprint.Simulation.Seed, 3600);
        var actual = Models.Run(blueprint.Model, blueprint.Simulation.Seed, 3600);

        Assert.True(expected.Count > 1000, $"only {expected.Count} records");
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Example_file_should_be_the_inline_example()
    {
        var text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Data", "line.yaml"));

        Assert.Equal(Yaml.Example.ReplaceLineEndings("\n").Trim(), text.ReplaceLineEndings("\n").Trim());
    }
}
