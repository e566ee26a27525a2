using ActorSim.Blueprints.Tests.Support;

namespace ActorSim.Blueprints.Tests;

public class LineErrorTests
{
    // Yaml.Minimal defines arrival a, service s and resource r on lines 1-4; the sections below start on line 5.
    private static BlueprintException Error(string sections) => Yaml.Error($"{Yaml.Minimal}\n{sections}");

    [Fact]
    public void Undefined_resource_should_fail_at_the_reference_listing_the_defined_ones()
    {
        var error = Error("""
            tasks:
              t:
                arrival: a
                steps:
                  - {resource: r, service: s}
                  - {resource: mill, service: s}
            """);

        Yaml.AssertAt(error, 10, 20, "tasks.t.steps[1].resource", "the resource 'mill' is not defined; defined resources: r");
    }

    [Fact]
    public void Undefined_service_should_fail_at_the_reference()
    {
        var error = Error("tasks: {t: {arrival: a, steps: [{resource: r, service: drill}]}}");

        Yaml.AssertAt(error, 5, 56, "tasks.t.steps[0].service", "the service 'drill' is not defined; defined services: s");
    }

    [Fact]
    public void Undefined_arrival_should_fail_at_the_reference()
    {
        var error = Error("tasks: {t: {arrival: rush, steps: [{resource: r, service: s}]}}");

        Yaml.AssertAt(error, 5, 22, "tasks.t.arrival", "the arrival 'rush' is not defined; defined arrivals: a");
    }

    [Fact]
    public void Task_without_steps_should_fail_at_the_steps()
    {
        Yaml.AssertAt(Error("tasks: {t: {arrival: a, steps: []}}"), 5, 32, "tasks.t.steps", "at least one step");
        Yaml.AssertAt(Error("tasks: {t: {arrival: a}}"), 5, 12, "tasks.t.steps", "required key 'steps' is missing");
    }

    [Fact]
    public void Hand_off_on_the_first_step_should_fail_at_hand_off()
    {
        var error = Error("tasks: {t: {arrival: a, steps: [{resource: r, service: s, hand_off: true}]}}");

        Yaml.AssertAt(error, 5, 69, "tasks.t.steps[0].hand_off", "no previous step to hand off from");
    }

    [Fact]
    public void Hand_off_that_is_not_a_flag_should_fail_at_hand_off()
    {
        var error = Error("tasks: {t: {arrival: a, steps: [{resource: r, service: s, hand_off: maybe}]}}");

        Yaml.AssertAt(error, 5, 69, "tasks.t.steps[0].hand_off", "expected true or false, got 'maybe'");
    }

    [Fact]
    public void Store_above_its_maximum_should_fail_at_the_store()
    {
        var error = Error("""
            stores:
              big: {current_cap: 5, max_cap: 2}
            """);

        Yaml.AssertAt(error, 6, 8, "stores.big", "current_cap=5, max_cap=2 is refused");
    }

    [Fact]
    public void Container_level_above_its_capacity_should_fail_at_the_container()
    {
        var error = Error("containers: {tank: {current_cap: 10, level: 12}}");

        Yaml.AssertAt(error, 5, 20, "containers.tank", "initial level in [0, current_cap] = [0, 10]");
    }

    [Fact]
    public void Variable_without_a_value_should_fail_at_the_variable()
    {
        var error = Error("variables: {mode: ~}");

        Yaml.AssertAt(error, 5, 19, "variables.mode", "a value is required");
    }

    [Fact]
    public void Unknown_step_key_should_fail_listing_the_step_keys()
    {
        var error = Error("tasks: {t: {arrival: a, steps: [{resource: r, service: s, handoff: true}]}}");

        Yaml.AssertAt(error, 5, 59, "tasks.t.steps[0].handoff", "unknown key 'handoff'", "resource, service, priority, hand_off");
    }
}
