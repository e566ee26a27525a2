using ActorSim.Model.Building;
using YamlDotNet.RepresentationModel;

namespace ActorSim.Blueprints.Internal;

/// <summary>
/// Reads <c>tasks: {name: {arrival | from_link, steps: [{resource, service, priority, hand_off}], key_prefix, send_to}}</c>,
/// checking each reference at the line where it is written. <c>from_link</c> and <c>send_to</c> need the links of a plant.
/// In a line with <c>schedules</c>, a task with neither <c>arrival</c> nor <c>from_link</c> is started by its releases only.
/// </summary>
internal static class TaskReader
{
    private static readonly string[] TaskKeys = ["arrival", "from_link", "steps", "key_prefix", "send_to"];
    private static readonly string[] StepKeys = ["resource", "service", "priority", "hand_off"];

    public static void Read(Reader reader, YamlNode node, string path, LineBuilder builder, DefinedNames defined, string simId, PlantLinks? links, bool scheduled = false)
    {
        var tasks = reader.AnyMap(node, path, "a mapping of task names to tasks");
        var startedBy = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, key, value) in tasks.Entries)
        {
            var map = reader.Map(value, tasks.PathOf(name), TaskKeys);
            var fromLink = FromLink(reader, map, simId, links, name, startedBy);
            var releasedOnly = scheduled && fromLink is null && map.Get("arrival") is null;
            if (fromLink is null && links is not null && map.Get("arrival") is null && !releasedOnly)
            {
                throw reader.Error(map.Node, map.Path, "a task needs 'arrival' (an arrival stream of its line) or 'from_link' (a link into its line).");
            }

            var arrival = fromLink is null && !releasedOnly ? Reference(reader, map, "arrival", "arrival", defined.Arrivals) : null;
            if (fromLink is not null && map.Get("key_prefix") is { } prefix)
            {
                throw reader.Error(prefix, map.PathOf("key_prefix"), "a task started by a link keeps the item's key; key_prefix applies only to tasks with an arrival.");
            }

            var keyPrefix = map.Text("key_prefix") ?? "task-";
            var steps = Steps(reader, map, defined);
            var sends = Sends(reader, map, simId, links);
            Action<TaskStepsBuilder> add = add =>
            {
                foreach (var step in steps)
                {
                    _ = step.HandOff ? add.HandOff(step.Resource, step.Service, step.Priority) : add.Step(step.Resource, step.Service, step.Priority);
                }

                if (sends.Length > 0)
                {
                    add.SendToOneOf(sends);
                }
            };
            reader.Guard(key, map.Path, () => arrival is not null
                ? builder.AddTask(name, arrival, add, keyPrefix)
                : releasedOnly ? builder.AddScheduledTask(name, add, keyPrefix) : builder.AddTaskFromLink(name, fromLink!, add));
        }
    }

    /// <summary>The link that starts the task, checked to arrive at this line and to start no other task; null for none.</summary>
    private static string? FromLink(Reader reader, MapNode map, string simId, PlantLinks? links, string task, Dictionary<string, string> startedBy)
    {
        if (map.Get("from_link") is not { } node)
        {
            return null;
        }

        var path = map.PathOf("from_link");
        if (map.Get("arrival") is not null)
        {
            throw reader.Error(node, path, "a task starts either from an arrival or from a link, not both; remove arrival or from_link.");
        }

        var name = reader.Text(node, path);
        if (links is null)
        {
            throw reader.Error(node, path, NeedsPlant("from_link"));
        }

        var link = links.Find(name)
            ?? throw reader.Error(node, path, $"the link '{name}' is not defined; links into '{simId}': {links.Into(simId)}.");
        if (link.To != simId)
        {
            throw reader.Error(node, path, $"the link '{name}' goes to line '{link.To}', not '{simId}'; a task starts only from links into its own line: {links.Into(simId)}.");
        }

        if (!startedBy.TryAdd(name, task))
        {
            throw reader.Error(node, path, $"the task '{startedBy[name]}' already starts from link '{name}'; one task kind per link.");
        }

        return name;
    }

    private static LinkChoice[] Sends(Reader reader, MapNode map, string simId, PlantLinks? links)
    {
        if (map.Get("send_to") is not { } node)
        {
            return [];
        }

        return links is null
            ? throw reader.Error(node, map.PathOf("send_to"), NeedsPlant("send_to"))
            : SendReader.Read(reader, node, map.PathOf("send_to"), simId, links);
    }

    private static string NeedsPlant(string key) =>
        $"{key} needs the links of a plant: write the line under 'lines:' of a plant blueprint, with its links under 'links:'.";

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
