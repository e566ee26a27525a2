using ActorSim.Blueprints.Tests.Support;

namespace ActorSim.Blueprints.Tests;

public class ScenarioTests
{
    private const string Line = """
        simulation: {sim_id: L}
        services: {s: {dist: normal, mean: 2, std: 0.2}}
        resources: {r: {current_cap: 4, max_cap: 10}}
        variables: {mode: eco}
        """;

    private static Blueprint Load(string scenario) => Yaml.Load($"{Line}\nscenario:\n{scenario}");

    private static BlueprintException Error(string scenario) => Yaml.Error($"{Line}\nscenario:\n{scenario}");

    [Fact]
    public void Scenario_values_should_be_typed_as_YAML_writes_them()
    {
        var scenario = Load("""
              - {at: 1, path: L.resources.r.current_cap, value: 6}
              - {at: 2, path: L.service.s.mean, value: 2.5}
              - {at: 3, path: L.variables.mode, value: turbo}
              - {at: 4, path: L.variables.mode, value: "6"}
              - {at: 5, path: L.variables.mode, value: true}
            """).Model.Scenario;

        Assert.Equal<object>([6, 2.5, "turbo", "6", true], scenario.Select(c => c.Value));
    }

    [Fact]
    public void Scenario_should_be_in_time_order()
    {
        var scenario = Load("""
              - {at: 2 days, path: L.resources.r.current_cap, value: 6}
              - {at: 1 h, path: L.resources.r.current_cap, value: 5}
            """).Model.Scenario;

        Assert.Equal([3600.0, 172800.0], scenario.Select(c => c.At));
    }

    [Fact]
    public void Unknown_path_should_fail_at_the_path_of_that_entry()
    {
        var error = Error("""
              - {at: 1 h, path: L.resources.r.current_cap, value: 6}
              - {at: 3 days, path: L.resources.lath.current_cap, value: 6}
            """);

        Yaml.AssertAt(error, 7, 24, "scenario[1].path", "the change at t=259200 s is refused", "Unknown registry path 'L.resources.lath.current_cap'");
    }

    [Fact]
    public void Value_above_the_maximum_should_fail_at_the_value_of_that_entry()
    {
        var error = Error("""
              - {at: 3 days, path: L.resources.r.current_cap, value: 20}
            """);

        Yaml.AssertAt(error, 6, 58, "scenario[0].value", "L.resources.r.current_cap", "20");
    }

    [Fact]
    public void Value_of_the_wrong_type_should_fail_at_the_value()
    {
        var error = Error("""
              - {at: 1, path: L.service.s.mean, value: fast}
            """);

        Yaml.AssertAt(error, 6, 44, "scenario[0].value", "fast");
    }

    [Fact]
    public void Value_valid_only_after_an_earlier_change_should_pass()
    {
        // Written out of order: current_cap 12 is valid only once max_cap is 12, one hour earlier.
        var scenario = Load("""
              - {at: 2 h, path: L.resources.r.current_cap, value: 12}
              - {at: 1 h, path: L.resources.r.max_cap, value: 12}
            """).Model.Scenario;

        Assert.Equal(2, scenario.Count);
    }

    [Fact]
    public void Bad_time_should_fail_at_at()
    {
        var error = Error("""
              - {at: soon, path: L.resources.r.current_cap, value: 6}
            """);

        Yaml.AssertAt(error, 6, 10, "scenario[0].at", "'soon' is not a duration");
    }

    [Fact]
    public void Missing_value_should_fail_at_the_entry()
    {
        var error = Error("""
              - {at: 1, path: L.resources.r.current_cap}
            """);

        Yaml.AssertAt(error, 6, 5, "scenario[0].value", "required key 'value' is missing from 'scenario[0]'");
    }

    [Fact]
    public void Scenario_that_is_not_a_list_should_fail_naming_the_shape()
    {
        var error = Yaml.Error($"{Line}\nscenario: {{at: 1, path: L.resources.r.current_cap, value: 6}}");

        Yaml.AssertAt(error, 5, 11, "scenario", "expected a list of changes");
    }
}
