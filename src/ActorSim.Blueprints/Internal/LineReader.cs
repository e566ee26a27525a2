using ActorSim.Model.Building;
using YamlDotNet.RepresentationModel;

namespace ActorSim.Blueprints.Internal;

/// <summary>
/// Reads the sections that describe one line (arrivals, services, resources, containers, stores, variables, tasks,
/// schedules, telemetry, scenario) from a mapping into a checked <see cref="LineModel"/>. A single-line blueprint has them at the
/// top level; a plant has them under each entry of <c>lines:</c>, and its tasks may then use the plant's links.
/// </summary>
internal static class LineReader
{
    public static readonly string[] Keys =
        ["arrivals", "services", "resources", "containers", "stores", "variables", "tasks", "schedules", "telemetry", "scenario"];

    private static readonly string[] ResourceKeys = ["current_cap", "max_cap"];
    private static readonly string[] ContainerKeys = ["current_cap", "max_cap", "level"];
    private static readonly string[] TelemetryKeys = ["interval"];

    /// <summary>The line in <paramref name="map"/>; <paramref name="start"/> (<c>simulation.start</c>) turns a schedule's timestamps into seconds.</summary>
    public static LineModel Read(Reader reader, MapNode map, string simId, DateTime? start, PlantLinks? links = null)
    {
        var builder = new LineBuilder(simId);
        var defined = new DefinedNames(
            Each(reader, map, "arrivals", "arrival distributions", (name, node, path) => builder.AddArrival(name, DistributionReader.Read(reader, node, path))),
            Each(reader, map, "services", "service distributions", (name, node, path) => builder.AddService(name, DistributionReader.Read(reader, node, path))),
            Each(reader, map, "resources", "resources", (name, node, path) => AddResource(reader, builder, name, node, path)));
        Each(reader, map, "containers", "containers", (name, node, path) => AddContainer(reader, builder, name, node, path));
        Each(reader, map, "stores", "stores", (name, node, path) => AddStore(reader, builder, name, node, path));
        Each(reader, map, "variables", "variables", (name, node, path) => builder.AddVariable(name, reader.Typed(node, path)));
        if (map.Get("tasks") is { } tasks)
        {
            TaskReader.Read(reader, tasks, map.PathOf("tasks"), builder, defined, simId, links, scheduled: map.Get("schedules") is not null);
        }

        if (map.Get("schedules") is { } schedules)
        {
            var taskNames = map.Get("tasks") is YamlMappingNode taskMap ? taskMap.Children.Keys.OfType<YamlScalarNode>().Select(k => k.Value ?? "").ToArray() : [];
            ScheduleReader.Read(reader, schedules, map.PathOf("schedules"), builder, taskNames, start);
        }

        if (map.Get("telemetry") is { } telemetry)
        {
            var section = reader.Map(telemetry, map.PathOf("telemetry"), TelemetryKeys);
            var interval = section.Require("interval");
            var seconds = reader.Duration(interval, section.PathOf("interval"));
            reader.Guard(interval, section.PathOf("interval"), () => builder.AddTelemetry(seconds));
        }

        // Build once without the scenario: references are checked, and the scenario is then checked entry by entry.
        var unchanged = reader.Guard(map.Node, map.Path, builder.Build);
        return map.Get("scenario") is { } scenario
            ? ScenarioReader.Read(reader, scenario, map.PathOf("scenario"), builder, unchanged)
            : unchanged;
    }

    private static LineBuilder AddResource(Reader reader, LineBuilder builder, string name, YamlNode node, string path)
    {
        var map = reader.Map(node, path, ResourceKeys);
        var current = map.RequireWholeNumber("current_cap");
        var max = map.WholeNumber("max_cap");
        return reader.Guard(node, path, () => builder.AddResource(name, current, max));
    }

    private static LineBuilder AddContainer(Reader reader, LineBuilder builder, string name, YamlNode node, string path)
    {
        var map = reader.Map(node, path, ContainerKeys);
        var current = map.RequireNumber("current_cap");
        var max = map.Number("max_cap");
        var level = map.Number("level") ?? 0;
        return reader.Guard(node, path, () => builder.AddContainer(name, current, max, level));
    }

    private static LineBuilder AddStore(Reader reader, LineBuilder builder, string name, YamlNode node, string path)
    {
        var map = reader.Map(node, path, ResourceKeys);
        var current = map.RequireWholeNumber("current_cap");
        var max = map.WholeNumber("max_cap");
        return reader.Guard(node, path, () => builder.AddStore(name, current, max));
    }

    /// <summary>Reads a section of named definitions, adding each; returns the names defined.</summary>
    private static IReadOnlyCollection<string> Each(Reader reader, MapNode map, string key, string what, Func<string, YamlNode, string, LineBuilder> add)
    {
        if (map.Get(key) is not { } node)
        {
            return [];
        }

        var section = reader.AnyMap(node, map.PathOf(key), $"a mapping of names to {what}");
        foreach (var (name, keyNode, value) in section.Entries)
        {
            var path = section.PathOf(name);
            reader.EnsureName(keyNode, path, name);
            reader.Guard(keyNode, path, () => add(name, value, path));
        }

        return section.Entries.Select(e => e.Name).ToArray();
    }
}
