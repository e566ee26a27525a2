using ActorSim.Blueprints.Tests.Support;

namespace ActorSim.Blueprints.Tests;

public class StructureErrorTests
{
    [Fact]
    public void Unknown_top_level_key_should_fail_at_the_key_listing_the_allowed_keys()
    {
        var error = Yaml.Error("""
            simulation: {sim_id: L}
            resorces: {r: {current_cap: 1}}
            """);

        Yaml.AssertAt(error, 2, 1, "resorces", "unknown key 'resorces'", "simulation, arrivals, services, resources, containers, stores, variables, tasks, schedules, telemetry, scenario, egress");
    }

    [Fact]
    public void Unknown_nested_key_should_fail_at_the_key_listing_the_keys_of_that_place()
    {
        var error = Yaml.Error("""
            simulation: {sim_id: L}
            resources:
              r: {current_cap: 1, maxcap: 2}
            """);

        Yaml.AssertAt(error, 3, 23, "resources.r.maxcap", "unknown key 'maxcap'", "current_cap, max_cap");
    }

    [Fact]
    public void Missing_required_key_should_fail_at_its_mapping_naming_the_key()
    {
        var error = Yaml.Error("simulation: {seed: 1}");

        Yaml.AssertAt(error, 1, 13, "simulation.sim_id", "required key 'sim_id' is missing from 'simulation'");
    }

    [Fact]
    public void Missing_simulation_section_should_fail_at_the_document_start()
    {
        var error = Yaml.Error("resources: {r: {current_cap: 1}}");

        Yaml.AssertAt(error, 1, 1, "simulation", "required key 'simulation' is missing");
    }

    [Fact]
    public void Text_where_a_number_is_expected_should_fail_at_the_value()
    {
        var error = Yaml.Error("""
            simulation: {sim_id: L}
            arrivals:
              a: {dist: exponential, rate: fast}
            """);

        Yaml.AssertAt(error, 3, 32, "arrivals.a.rate", "expected a finite number, got 'fast'");
    }

    [Fact]
    public void Fraction_where_a_whole_number_is_expected_should_fail_at_the_value()
    {
        var error = Yaml.Error("""
            simulation: {sim_id: L}
            resources:
              r:
                current_cap: 2.5
            """);

        Yaml.AssertAt(error, 4, 18, "resources.r.current_cap", "expected a whole number, got '2.5'");
    }

    [Fact]
    public void Mapping_where_a_value_is_expected_should_fail_at_the_mapping()
    {
        var error = Yaml.Error("simulation: {sim_id: {name: L}}");

        Yaml.AssertAt(error, 1, 22, "simulation.sim_id", "expected a single value, got a mapping");
    }

    [Fact]
    public void List_where_a_mapping_is_expected_should_fail_naming_the_expected_shape()
    {
        var error = Yaml.Error("""
            simulation: {sim_id: L}
            resources: [lathe]
            """);

        Yaml.AssertAt(error, 2, 12, "resources", "expected a mapping of names to resources, got a list");
    }

    [Fact]
    public void Empty_value_should_fail_as_missing()
    {
        var error = Yaml.Error("""
            simulation:
              sim_id:
            """);

        Assert.Equal("simulation.sim_id", error.KeyPath);
        Assert.Contains("a value is required here", error.Message);
    }

    [Fact]
    public void Invalid_YAML_should_fail_with_the_parser_location()
    {
        var error = Yaml.Error("""
            simulation: {sim_id: L
            resources: {}
            """);

        Assert.StartsWith($"{Yaml.Source}:", error.Message);
        Assert.Contains("not valid YAML", error.Message);
        Assert.DoesNotContain("(Line:", error.Message);
        Assert.True(error.Line >= 1);
    }

    [Fact]
    public void Duplicate_key_should_fail_at_the_second_key()
    {
        var error = Yaml.Error("""
            simulation: {sim_id: L}
            resources: {r: {current_cap: 1}}
            resources: {q: {current_cap: 1}}
            """);

        Yaml.AssertAt(error, 3, 1, "", "given twice");
    }

    [Fact]
    public void Empty_text_should_fail_saying_what_is_needed()
    {
        var error = Yaml.Error("");

        Yaml.AssertAt(error, 1, 1, "", "empty", "simulation");
    }

    [Fact]
    public void Second_document_should_fail()
    {
        var error = Yaml.Error("""
            simulation: {sim_id: L}
            ---
            simulation: {sim_id: M}
            """);

        Yaml.AssertAt(error, 3, 1, "", "one YAML document");
    }

    [Fact]
    public void Name_with_a_dot_should_fail_at_the_name()
    {
        var error = Yaml.Error("""
            simulation: {sim_id: L}
            resources:
              lathe.1: {current_cap: 1}
            """);

        Yaml.AssertAt(error, 3, 3, "resources.lathe.1", "must not contain dots");
    }

    [Fact]
    public void Sim_id_with_a_space_should_fail_at_the_sim_id()
    {
        var error = Yaml.Error("simulation: {sim_id: Line A}");

        Yaml.AssertAt(error, 1, 22, "simulation.sim_id", "must not contain dots or spaces");
    }

    [Fact]
    public void Load_should_prefix_errors_with_the_file_path()
    {
        var path = Path.Combine(Path.GetTempPath(), $"blueprint-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, "simulation: {sim_id: L, speed: 2}\n");
        try
        {
            var error = Assert.Throws<BlueprintException>(() => BlueprintLoader.Load(path));

            Assert.StartsWith($"{path}:1:25: simulation.speed: unknown key 'speed'", error.Message);
            Assert.Equal(path, error.SourceName);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
