using ActorSim.Blueprints.Tests.Support;

namespace ActorSim.Blueprints.Tests;

public class PlantErrorTests
{
    // Yaml.MinimalPlant: line 7 is A's tasks (sending over ab), line 11 is B's tasks (started by ab), line 13 is link ab.
    private const string TasksOfA = "    tasks: {t: {arrival: a, steps: [{resource: r, service: s}], send_to: ab}}";
    private const string TasksOfB = "    tasks: {u: {from_link: ab, steps: [{resource: r, service: s}]}}";

    /// <summary>The minimal plant with its line <paramref name="line"/> (1-based) replaced by <paramref name="text"/>; returns the error.</summary>
    private static BlueprintException Error(int line, string text)
    {
        var lines = Yaml.MinimalPlant.ReplaceLineEndings("\n").Split('\n');
        lines[line - 1] = text;
        return Yaml.PlantError(string.Join("\n", lines));
    }

    /// <summary>The 1-based column where <paramref name="token"/> starts in <paramref name="text"/>.</summary>
    private static int Column(string text, string token) => text.IndexOf(token, StringComparison.Ordinal) + 1;

    [Fact]
    public void Link_from_an_unknown_line_should_fail_at_from_listing_the_lines()
    {
        const string link = "  ab: {from: C, to: B, lookahead: 2 s}";

        Yaml.AssertAt(Error(13, link), 13, Column(link, "C,"), "links.ab.from", "the line 'C' is not defined; lines of the plant: A, B");
    }

    [Fact]
    public void Link_to_an_unknown_line_should_fail_at_to()
    {
        const string link = "  ab: {from: A, to: Assembly, lookahead: 2 s}";

        Yaml.AssertAt(Error(13, link), 13, Column(link, "Assembly"), "links.ab.to", "the line 'Assembly' is not defined");
    }

    [Fact]
    public void Zero_lookahead_should_fail_at_the_lookahead_naming_the_link()
    {
        const string link = "  ab: {from: A, to: B, lookahead: 0}";

        var error = Error(13, link);

        Yaml.AssertAt(error, 13, Column(link, "0}"), "links.ab.lookahead", "Link 'ab' needs a lookahead > 0 s");
        Assert.DoesNotContain("(Parameter", error.Message);
        Assert.DoesNotContain("Actual value", error.Message);
    }

    [Fact]
    public void Missing_lookahead_should_fail_at_the_link()
    {
        const string link = "  ab: {from: A, to: B}";

        Yaml.AssertAt(Error(13, link), 13, Column(link, "{"), "links.ab.lookahead", "required key 'lookahead' is missing");
    }

    [Fact]
    public void Delay_that_can_undercut_the_lookahead_should_fail_at_the_delay()
    {
        const string link = "  ab: {from: A, to: B, lookahead: 2 s, delay: {dist: normal, mean: 10, std: 1}}";

        Yaml.AssertAt(Error(13, link), 13, Column(link, "{dist"), "links.ab.delay", "Link 'ab': its delay", "below its lookahead of 2 s");
    }

    [Fact]
    public void Delay_with_a_minimum_below_the_lookahead_should_fail_at_the_delay()
    {
        const string link = "  ab: {from: A, to: B, lookahead: 2 s, delay: {dist: uniform, min: 1, max: 3}}";

        Yaml.AssertAt(Error(13, link), 13, Column(link, "{dist"), "links.ab.delay", "can be as short as 1 s");
    }

    [Fact]
    public void Unknown_key_in_a_link_should_list_the_link_keys()
    {
        const string link = "  ab: {from: A, to: B, lookahead: 2 s, lookahed: 3}";

        Yaml.AssertAt(Error(13, link), 13, Column(link, "lookahed"), "links.ab.lookahed", "unknown key 'lookahed'", "from, to, lookahead, delay");
    }

    [Fact]
    public void Link_name_with_a_dot_should_fail_at_the_name()
    {
        const string link = "  a.b: {from: A, to: B, lookahead: 2 s}";

        Yaml.AssertAt(Error(13, link), 13, 3, "links.a.b", "must not contain dots or spaces");
    }

    [Fact]
    public void From_link_task_on_the_wrong_line_should_fail_at_from_link()
    {
        const string tasks = "    tasks: {t: {from_link: ab, steps: [{resource: r, service: s}]}}";

        Yaml.AssertAt(Error(7, tasks), 7, Column(tasks, "ab"), "lines.A.tasks.t.from_link",
            "the link 'ab' goes to line 'B', not 'A'", "links into its own line: none");
    }

    [Fact]
    public void From_link_that_is_not_defined_should_fail_at_from_link()
    {
        const string tasks = "    tasks: {u: {from_link: ba, steps: [{resource: r, service: s}]}}";

        Yaml.AssertAt(Error(11, tasks), 11, Column(tasks, "ba"), "lines.B.tasks.u.from_link", "the link 'ba' is not defined; links into 'B': ab");
    }

    [Fact]
    public void Send_to_a_link_of_another_line_should_fail_at_the_link()
    {
        const string tasks = "    tasks: {u: {from_link: ab, steps: [{resource: r, service: s}], send_to: ab}}";

        Yaml.AssertAt(Error(11, tasks), 11, Column(tasks, "ab}}"), "lines.B.tasks.u.send_to",
            "the link 'ab' leaves line 'A', not 'B'", "links from its own line: none");
    }

    [Fact]
    public void Send_to_an_unknown_link_should_fail_at_the_link_listing_the_line_links()
    {
        const string tasks = "    tasks: {t: {arrival: a, steps: [{resource: r, service: s}], send_to: [ab, conveyor]}}";

        Yaml.AssertAt(Error(7, tasks), 7, Column(tasks, "conveyor"), "lines.A.tasks.t.send_to[1]", "the link 'conveyor' is not defined; links from 'A': ab");
    }

    [Fact]
    public void Send_to_the_same_link_twice_should_fail_at_the_second()
    {
        const string tasks = "    tasks: {t: {arrival: a, steps: [{resource: r, service: s}], send_to: [ab, {link: ab, weight: 2}]}}";

        Yaml.AssertAt(Error(7, tasks), 7, Column(tasks, "{link"), "lines.A.tasks.t.send_to[1]", "the link 'ab' is listed twice");
    }

    [Fact]
    public void Send_to_weight_that_is_not_positive_should_fail_at_the_weight()
    {
        const string tasks = "    tasks: {t: {arrival: a, steps: [{resource: r, service: s}], send_to: [{link: ab, weight: 0}]}}";

        Yaml.AssertAt(Error(7, tasks), 7, Column(tasks, "0}"), "lines.A.tasks.t.send_to[0].weight", "a weight must be a positive number, got 0");
    }

    [Fact]
    public void Empty_send_to_should_fail_at_send_to()
    {
        const string tasks = "    tasks: {t: {arrival: a, steps: [{resource: r, service: s}], send_to: []}}";

        Yaml.AssertAt(Error(7, tasks), 7, Column(tasks, "[]"), "lines.A.tasks.t.send_to", "send_to needs at least one link");
    }

    [Fact]
    public void Link_whose_target_has_no_task_for_it_should_fail_at_to()
    {
        const string tasks = "    tasks: {u: {arrival: a, steps: [{resource: r, service: s}]}}";
        var yaml = Yaml.MinimalPlant.Replace(TasksOfB, "    arrivals: {a: {dist: exponential, rate: 1}}\n" + tasks, StringComparison.Ordinal);

        Yaml.AssertAt(Yaml.PlantError(yaml), 14, Column("  ab: {from: A, to: B, lookahead: 2 s}", "B,"), "links.ab.to",
            "line 'B' has no task started by link 'ab'; add one under lines.B.tasks with from_link: ab");
    }

    [Fact]
    public void Task_with_an_arrival_and_a_link_should_fail_at_from_link()
    {
        const string tasks = "    tasks: {u: {arrival: a, from_link: ab, steps: [{resource: r, service: s}]}}";

        Yaml.AssertAt(Error(11, tasks), 11, Column(tasks, "ab"), "lines.B.tasks.u.from_link", "either from an arrival or from a link, not both");
    }

    [Fact]
    public void Task_without_an_arrival_or_a_link_should_fail_at_the_task()
    {
        const string tasks = "    tasks: {u: {steps: [{resource: r, service: s}]}}";

        Yaml.AssertAt(Error(11, tasks), 11, Column(tasks, "{steps"), "lines.B.tasks.u", "a task needs 'arrival' (an arrival stream of its line) or 'from_link'");
    }

    [Fact]
    public void Key_prefix_on_a_task_started_by_a_link_should_fail_at_key_prefix()
    {
        const string tasks = "    tasks: {u: {from_link: ab, key_prefix: b-, steps: [{resource: r, service: s}]}}";

        Yaml.AssertAt(Error(11, tasks), 11, Column(tasks, "b-"), "lines.B.tasks.u.key_prefix", "keeps the item's key");
    }

    [Fact]
    public void Two_tasks_started_by_one_link_should_fail_at_the_second()
    {
        const string tasks = "    tasks: {u: {from_link: ab, steps: [{resource: r, service: s}]}, v: {from_link: ab, steps: [{resource: r, service: s}]}}";

        Yaml.AssertAt(Error(11, tasks), 11, tasks.LastIndexOf("ab", StringComparison.Ordinal) + 1, "lines.B.tasks.v.from_link",
            "the task 'u' already starts from link 'ab'; one task kind per link");
    }

    [Fact]
    public void Errors_inside_a_line_should_carry_the_line_path()
    {
        const string tasks = "    tasks: {u: {from_link: ab, steps: [{resource: lathe, service: s}]}}";

        Yaml.AssertAt(Error(11, tasks), 11, Column(tasks, "lathe"), "lines.B.tasks.u.steps[0].resource", "the resource 'lathe' is not defined; defined resources: r");
    }

    [Fact]
    public void Scenario_of_a_line_should_be_checked_against_that_line()
    {
        const string scenario = "    scenario: [{at: 1 h, path: A.resources.r.current_cap, value: 2}]";
        var yaml = Yaml.MinimalPlant.Replace(TasksOfB, TasksOfB + "\n" + scenario, StringComparison.Ordinal);

        Yaml.AssertAt(Yaml.PlantError(yaml), 12, Column(scenario, "A.res"), "lines.B.scenario[0].path", "Unknown registry path 'A.resources.r.current_cap'");
    }

    [Fact]
    public void Line_name_with_a_dot_should_fail_at_the_name()
    {
        Yaml.AssertAt(Error(8, "  B.1:"), 8, 3, "lines.B.1", "must not contain dots or spaces");
    }

    [Fact]
    public void Empty_lines_should_fail_at_lines()
    {
        Yaml.AssertAt(Yaml.PlantError("lines: {}"), 1, 8, "lines", "a plant needs at least one line");
    }

    [Fact]
    public void Line_section_at_the_top_of_a_plant_should_say_where_it_belongs()
    {
        var error = Yaml.PlantError(Yaml.MinimalPlant + "\ntelemetry: {interval: 60 s}");

        Yaml.AssertAt(error, 14, 1, "telemetry", "in a plant, 'telemetry' belongs to a line: move it under lines.<sim_id>.telemetry");
    }

    [Fact]
    public void Unknown_top_level_key_of_a_plant_should_list_the_plant_keys()
    {
        var error = Yaml.PlantError(Yaml.MinimalPlant + "\nlinks_2: {}");

        Yaml.AssertAt(error, 14, 1, "links_2", "unknown key 'links_2'", "simulation, lines, links, egress");
    }

    [Fact]
    public void Links_without_lines_should_fail_at_links()
    {
        var error = Yaml.Error(Yaml.Minimal + "\nlinks: {ab: {from: L, to: L, lookahead: 1}}");

        Yaml.AssertAt(error, 5, 1, "links", "links join the lines of a plant");
    }

    [Fact]
    public void Send_to_in_a_single_line_blueprint_should_fail_asking_for_a_plant()
    {
        const string tasks = "tasks: {t: {arrival: a, steps: [{resource: r, service: s}], send_to: out}}";

        var error = Yaml.Error($"{Yaml.Minimal}\n{tasks}");

        Yaml.AssertAt(error, 5, Column(tasks, "out"), "tasks.t.send_to", "send_to needs the links of a plant");
    }

    [Fact]
    public void From_link_in_a_single_line_blueprint_should_fail_asking_for_a_plant()
    {
        const string tasks = "tasks: {t: {from_link: in, steps: [{resource: r, service: s}]}}";

        var error = Yaml.Error($"{Yaml.Minimal}\n{tasks}");

        Yaml.AssertAt(error, 5, Column(tasks, "in,"), "tasks.t.from_link", "from_link needs the links of a plant");
    }

    [Fact]
    public void Plant_given_to_the_single_line_loader_should_point_to_LoadPlant()
    {
        var error = Yaml.Error(Yaml.MinimalPlant);

        Yaml.AssertAt(error, 2, 1, "lines", "this blueprint describes a plant", "load it as a plant");
    }
}
