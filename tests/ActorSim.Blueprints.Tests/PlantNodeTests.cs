using ActorSim.Blueprints.Tests.Support;

namespace ActorSim.Blueprints.Tests;

/// <summary>A plant's line may be pinned to the worker nodes of a role (<c>lines.&lt;sim_id&gt;.node</c>) for a run on a cluster.</summary>
public class PlantNodeTests
{
    [Fact]
    public void A_line_should_be_pinned_to_the_role_its_node_key_names_and_the_others_to_none()
    {
        var yaml = Yaml.MinimalPlant.Replace("  A:\n", "  A:\n    node: heavy\n", StringComparison.Ordinal);

        var blueprint = Yaml.LoadPlant(yaml);

        Assert.Equal(new Dictionary<string, string> { ["A"] = "heavy" }, blueprint.LineNodes);
        Assert.Empty(Yaml.LoadPlant(Yaml.MinimalPlant).LineNodes);
        Assert.Equal(Yaml.LoadPlant(Yaml.MinimalPlant).Plant.Lines.Select(l => l.SimId), blueprint.Plant.Lines.Select(l => l.SimId));
    }

    [Fact]
    public void A_node_role_that_no_node_could_be_started_with_should_be_refused_at_its_line_and_column()
    {
        var yaml = Yaml.MinimalPlant.Replace("  B:\n", "  B:\n    node: \"heavy duty\"\n", StringComparison.Ordinal);

        var error = Yaml.PlantError(yaml);

        Yaml.AssertAt(error, 9, 11, "lines.B.node", "a node role is letters, digits, '-', '_' or '.'", "got 'heavy duty'");
    }

    [Fact]
    public void A_single_line_blueprint_should_refuse_a_node_key_since_only_a_plants_lines_are_placed()
    {
        var error = Yaml.Error("""
            node: heavy
            arrivals: {a: {dist: exponential, rate: 1}}
            services: {s: {dist: constant, value: 1}}
            resources: {r: {current_cap: 1}}
            tasks: {t: {arrival: a, steps: [{resource: r, service: s}]}}
            """);

        Assert.Contains("node", error.Message, StringComparison.Ordinal);
    }
}
