using ActorSim.Blueprints.Tests.Support;

namespace ActorSim.Blueprints.Tests;

/// <summary>An unclosed '{' or '[' is reported at the bracket that was opened, not where the parser gave up.</summary>
public class UnclosedBracketTests
{
    [Fact]
    public void Unclosed_brace_at_the_end_of_a_line_should_fail_at_the_brace()
    {
        var error = Yaml.Error("""
            simulation: {sim_id: L}
            resources: {r: {current_cap: 1}
            arrivals: {a: {dist: exponential, rate: 1}}
            """);

        Yaml.AssertAt(error, 2, 12, "", "not valid YAML", "this '{' is not closed", "'}'", "the text ends first");
    }

    [Fact]
    public void Unclosed_brace_when_the_text_ends_should_fail_at_the_brace()
    {
        var error = Yaml.Error("""
            simulation: {sim_id: L
            resources: {}
            """);

        Yaml.AssertAt(error, 1, 13, "", "not valid YAML", "this '{' is not closed", "the text ends first");
    }

    [Fact]
    public void Unclosed_bracket_inside_a_closed_brace_should_fail_at_the_bracket()
    {
        var error = Yaml.Error("""
            simulation: {sim_id: L}
            tasks:
              t: {arrival: a, steps: [{resource: r, service: s}}
            """);

        Yaml.AssertAt(error, 3, 26, "", "this '[' is not closed", "']'", "before 3:52");
    }

    [Fact]
    public void Unclosed_bracket_of_a_list_over_several_lines_should_fail_at_its_first_line()
    {
        var error = Yaml.Error("""
            simulation: {sim_id: L}
            scenario: [
              {at: 1 s, path: L.variables.x, value: 1},
              {at: 2 s, path: L.variables.x, value: 2}
            egress: []
            """);

        Yaml.AssertAt(error, 2, 11, "", "this '[' is not closed", "']'");
    }

    [Fact]
    public void Unclosed_brace_in_a_plant_should_fail_at_the_brace()
    {
        var error = Yaml.PlantError("""
            simulation: {seed: 7}
            lines:
              A:
                arrivals: {a: {dist: exponential, rate: 1}
                services: {s: {dist: constant, value: 1}}
            """);

        Yaml.AssertAt(error, 4, 15, "", "this '{' is not closed");
    }

    [Fact]
    public void Unclosed_quote_inside_a_brace_should_keep_the_parser_location()
    {
        var error = Yaml.Error("simulation: {sim_id: \"L}\n");

        Yaml.AssertAt(error, 1, 22, "", "not valid YAML", "quoted scalar");
    }
}
