using ActorSim.Blueprints.Tests.Support;

namespace ActorSim.Blueprints.Tests;

public class EnvironmentSubstitutionTests
{
    private static readonly Dictionary<string, string> Environment = new()
    {
        ["LINE"] = "Line_B",
        ["SEED"] = "7",
        ["RATE"] = "3.5",
        ["BUCKET"] = "history",
        ["EMPTY"] = "",
        ["CAP"] = "6",
    };

    [Fact]
    public void Variables_should_be_substituted_in_values_of_every_type()
    {
        var blueprint = Yaml.Load("""
            simulation: {sim_id: "${LINE}", seed: "${SEED}"}
            arrivals: {a: {dist: exponential, rate: "${RATE}"}}
            resources: {r: {current_cap: 4, max_cap: 10}}
            scenario:
              - at: 1 h
                path: ${LINE}.resources.r.current_cap
                value: ${CAP}
            egress: [{dest: "s3://${BUCKET}/runs/${LINE}"}]
            """, Environment);

        Assert.Equal(("Line_B", 7UL), (blueprint.Simulation.SimId, blueprint.Simulation.Seed));
        Assert.Equal(3.5, blueprint.Model.CreateParameters().Arrival["a"].Get("rate"));
        Assert.Equal(6, Assert.Single(blueprint.Model.Scenario).Value);
        Assert.Equal("s3://history/runs/Line_B", Assert.Single(blueprint.Egress).Dest);
    }

    [Theory]
    [InlineData("${MISSING:-out}", "out")]
    [InlineData("${EMPTY:-out}", "out")]
    [InlineData("${BUCKET:-out}", "history")]
    [InlineData("${MISSING:-}", "")]
    [InlineData("${EMPTY}", "")]
    [InlineData("$${BUCKET}", "${BUCKET}")]
    [InlineData("a-${BUCKET}-${LINE}-b", "a-history-Line_B-b")]
    [InlineData("no variables", "no variables")]
    public void Defaults_should_apply_when_unset_or_empty(string text, string expected)
    {
        var blueprint = Yaml.Load($"simulation: {{sim_id: L}}\negress: [{{dest: d, path: \"{text}\"}}]", Environment);

        Assert.Equal(expected, Assert.Single(blueprint.Egress).Path);
    }

    [Fact]
    public void Unset_variable_without_default_should_fail_at_the_value_naming_it()
    {
        var error = Yaml.Error("""
            simulation: {sim_id: L}
            egress:
              - {dest: "${OUTPUT_DIR}"}
            """, Environment);

        Yaml.AssertAt(error, 3, 12, "egress[0].dest", "environment variable 'OUTPUT_DIR' is not set", "${OUTPUT_DIR:-value}");
    }

    [Fact]
    public void Substituted_text_should_be_checked_like_written_text()
    {
        var error = Yaml.Error("""
            simulation: {sim_id: L}
            arrivals: {a: {dist: exponential, rate: "${BUCKET}"}}
            """, Environment);

        Yaml.AssertAt(error, 2, 41, "arrivals.a.rate", "expected a finite number, got 'history'");
    }

    [Fact]
    public void Keys_should_not_be_substituted()
    {
        var error = Yaml.Error("simulation:\n  sim_id: L\n  ${LINE}: 1", Environment);

        Yaml.AssertAt(error, 3, 3, "simulation.${LINE}", "unknown key '${LINE}'");
    }
}
