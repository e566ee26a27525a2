using ActorSim.Model.Building;
using YamlDotNet.RepresentationModel;

namespace ActorSim.Blueprints.Internal;

/// <summary>
/// Reads <c>tasks: {name: {arrival, steps: [{resource, service, priority, hand_off}], key_prefix}}</c>, checking each
/// reference at the line where it is written.
/// </summary>
internal static class TaskReader
{
    private static readonly string[] TaskKeys = ["arrival", "steps", "key_prefix"];
    private static readonly string[] StepKeys = ["resource", "service", "priority", "hand_off"];

    public static void Read(Reader reader, YamlNode node, string path, LineBuilder builder, DefinedNames defined)
    {
        var tasks = reader.AnyMap(node, path, "a mapping of task names to tasks");
        foreach (var (name, key, value) in tasks.Entries)
        {
            var map = reader.Map(value, tasks.PathOf(name), TaskKeys);
            var arrival = Reference(reader, map, "arrival", "arrival", defined.Arrivals);
            var keyPrefix = map.Text("key_prefix") ?? "task-";
            var steps = Steps(reader, map, defined);
            reader.Guard(key, map.Path, () => builder.AddTask(name, arrival, add =>
            {
                foreach (var step in steps)
                {
                    _ = step.HandOff ? add.HandOff(step.Resource, step.Service, step.Priority) : add.Step(step.Resource, step.Service, step.Priority);
                }
            }, keyPrefix));
        }
    }

    private static List<TaskStep> Steps(Reader reader, MapNode task, DefinedNames defined)
    {
        var items = reader.Sequence(task.Require("steps"), task.PathOf("steps"), "steps such as {resource: lathe, service: milling}");
        if (items.Count == 0)
        {
            throw reader.Error(task.Require("steps"), task.PathOf("steps"), "a task needs at least one step.");
        }

        var steps = new List<TaskStep>(items.Count);
        foreach (var (node, path) in items)
        {
            var map = reader.Map(node, path, StepKeys);
            var resource = Reference(reader, map, "resource", "resource", defined.Resources);
            var service = Reference(reader, map, "service", "service", defined.Services);
            var handOff = map.Flag("hand_off") ?? false;
            if (handOff && steps.Count == 0)
            {
                throw reader.Error(map.Require("hand_off"), map.PathOf("hand_off"), "the first step has no previous step to hand off from; remove hand_off here.");
            }

            steps.Add(new TaskStep(resource, service, handOff, map.WholeNumber("priority") ?? 1));
        }

        return steps;
    }

    private static string Reference(Reader reader, MapNode map, string key, string what, IReadOnlyCollection<string> defined)
    {
        var name = map.RequireText(key);
        if (!defined.Contains(name))
        {
            var known = defined.Count == 0 ? "none" : string.Join(", ", defined.Order(StringComparer.Ordinal));
            throw reader.Error(map.Require(key), map.PathOf(key), $"the {what} '{name}' is not defined; defined {what}s: {known}.");
        }

        return name;
    }
}
