using System.Globalization;
using ActorSim.Model.Building;
using ActorSim.Model.Plants;
using ActorSim.Model.Registry;
using ActorSim.Model.Snapshots;

namespace ActorSim.Snapshots.Database.Internal;

/// <summary>
/// One line's state from its rows: the registry (the model's values, the scenario changes before the instant, then
/// the parameter rows, then the resource rows), the tasks in service (by since) and queued (resource by resource, by
/// priority, since, then the rows' order), the next task number (the largest number among the keys of tasks created
/// by arrivals, plus one) and the scenario changes still to come.
/// </summary>
internal sealed class LineAssembly(PlantModel plant, LineModel model, double asOf, Func<DateTime, double> seconds)
{
    private const int MaxKeysShown = 5;

    public List<WipRow> Wip { get; } = [];

    public List<ParameterRow> Parameters { get; } = [];

    public List<ResourceRow> Resources { get; } = [];

    public LineSnapshot Build(StateRows rows, DateTime instant)
    {
        var registry = plant.CreateRegistry(plant.IndexOf(model.SimId));
        foreach (var change in model.Scenario.Where(c => c.At < asOf))
        {
            registry.Update(change.Path, change.Value);
        }

        ApplyParameters(registry, rows.Parameters);
        ApplyResources(registry, rows.Resources);
        var tasks = Tasks(rows.Wip, instant);
        CheckCapacities(registry, rows, tasks);
        // Capacities travel in Resources, which a restore applies in an order that keeps each step valid; listed as
        // parameters too, they would be applied in path order (current_cap before max_cap) and a raised pair refused.
        var resources = $"{model.SimId}.resources.";
        var values = new SortedDictionary<string, object>(StringComparer.Ordinal);
        foreach (var path in registry.Paths.Where(p => !p.StartsWith(resources, StringComparison.Ordinal)))
        {
            values[path] = registry.Get(path);
        }

        return new LineSnapshot
        {
            SimId = model.SimId,
            Parameters = values,
            Scenario = model.Scenario.Where(c => c.At >= asOf).Select(c => new ScenarioStep(c.At, c.Path, c.Value)).ToArray(),
            Resources = model.ResourceNames.Select(name => new ResourceSnapshot(name, Capacity(registry, name, "current_cap"), Capacity(registry, name, "max_cap"))).ToArray(),
            Tasks = Ordered(tasks),
            NextTaskNumber = NextTaskNumber(),
        };
    }

    /// <summary>Applies the rows; one refused only before another (a max_cap raised after its current_cap) is tried again after the others.</summary>
    private void ApplyParameters(ParameterRegistry registry, RelationSource source)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in Parameters)
        {
            if (!registry.Contains(row.Path))
            {
                var why = Refused(() => registry.Get(row.Path)) ?? "unknown path";
                throw Refusal.Row(source, "path", row.Path, row.Line, "path", $"not a registry path of line '{model.SimId}': {why}");
            }

            if (!seen.Add(row.Path))
            {
                throw Refusal.Row(source, "path", row.Path, row.Line, "path", "the path is listed twice");
            }
        }

        var pending = Parameters;
        while (pending.Count > 0)
        {
            var refused = pending.Select(row => (Row: row, Why: Refused(() => registry.Update(row.Path, row.Value)))).Where(r => r.Why is not null).ToList();
            if (refused.Count == pending.Count)
            {
                throw Refusal.Row(source, "path", refused[0].Row.Path, refused[0].Row.Line, "value", refused[0].Why!);
            }

            pending = refused.Select(r => r.Row).ToList();
        }
    }

    private void ApplyResources(ParameterRegistry registry, RelationSource source)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in Resources)
        {
            if (!model.ResourceNames.Contains(row.Resource))
            {
                throw Refusal.Row(source, "resource", row.Resource, row.Line, "resource", $"line '{model.SimId}' has no resource '{row.Resource}'; it has {Known(model.ResourceNames)}");
            }

            if (!seen.Add(row.Resource))
            {
                throw Refusal.Row(source, "resource", row.Resource, row.Line, "resource", "the resource is listed twice");
            }

            var path = $"{model.SimId}.resources.{row.Resource}";
            var max = row.MaxCap ?? Capacity(registry, row.Resource, "max_cap");
            if (row.CurrentCap < 0 || row.CurrentCap > max)
            {
                throw Refusal.Row(source, "resource", row.Resource, row.Line, "current_cap", string.Create(CultureInfo.InvariantCulture, $"{row.CurrentCap} must be between 0 and max_cap ({max})"));
            }

            // Raise max_cap before current_cap, lower current_cap before max_cap: each step is a valid capacity.
            (string Column, long Value)[] steps = max >= Capacity(registry, row.Resource, "current_cap")
                ? [("max_cap", max), ("current_cap", row.CurrentCap)]
                : [("current_cap", row.CurrentCap), ("max_cap", max)];
            foreach (var (column, value) in steps)
            {
                if (Refused(() => registry.Update($"{path}.{column}", value)) is { } why)
                {
                    throw Refusal.Row(source, "resource", row.Resource, row.Line, column, why);
                }
            }
        }
    }

    private List<(TaskSnapshot Task, WipRow Row, TaskStep Step)> Tasks(RelationSource source, DateTime instant)
    {
        var kinds = model.Tasks.ToDictionary(t => t.Name, StringComparer.Ordinal);
        var keys = new HashSet<string>(StringComparer.Ordinal);
        var tasks = new List<(TaskSnapshot, WipRow, TaskStep)>();
        foreach (var row in Wip)
        {
            Exception Refuse(string column, string problem) => Refusal.Row(source, "key", row.Key, row.Line, column, problem);
            if (!keys.Add(row.Key))
            {
                throw Refuse("key", "the key is listed twice in this line");
            }

            if (!kinds.TryGetValue(row.Task, out var kind))
            {
                throw Refuse("task", $"line '{model.SimId}' has no task '{row.Task}'; it has {Known(kinds.Keys)}");
            }

            if (row.Step < 0 || row.Step >= kind.Steps.Count)
            {
                throw Refuse("step", $"{row.Step} is outside task '{kind.Name}', whose steps are 0 to {kind.Steps.Count - 1}");
            }

            var state = row.Status.Trim().ToLowerInvariant() switch
            {
                "queued" => TaskState.Queued,
                "in_service" => TaskState.InService,
                _ => throw Refuse("status", $"'{row.Status}' is not a status; use queued or in_service"),
            };
            var since = Since(row.Since, instant, Refuse, "since");
            if (row.Priority is { } p && p is < int.MinValue or > int.MaxValue)
            {
                throw Refuse("priority", $"{p} is beyond a 32-bit whole number");
            }

            var step = kind.Steps[(int)row.Step];
            var handOff = state == TaskState.Queued && row.Step > 0 && step.HandOff;
            HeldResource? holding = null;
            if (row.HoldingSince is { } held)
            {
                if (!handOff)
                {
                    throw Refuse("holding_since", state == TaskState.InService
                        ? "a task in service holds its own step's unit only; leave holding_since null"
                        : $"step {row.Step} of '{kind.Name}' is not a hand-off: a task queued there holds nothing; leave holding_since null");
                }

                if (held > row.Since)
                {
                    throw Refuse("holding_since", $"{SnapshotAssembly.Show(held)} is after since ({SnapshotAssembly.Show(row.Since)}): the previous step's unit was granted before the task queued here");
                }
            }

            if (handOff)
            {
                // Queued at a hand-off, the task still holds the previous step's unit: since when it was granted, or at least since it queued.
                holding = new HeldResource(kind.Steps[(int)row.Step - 1].Resource, row.HoldingSince is { } h ? Since(h, instant, Refuse, "holding_since") : since);
            }

            var task = new TaskSnapshot { Key = row.Key, Task = kind.Name, Step = (int)row.Step, State = state, Since = since, Priority = (int?)row.Priority, Holding = holding };
            tasks.Add((task, row, step));
        }

        return tasks;
    }

    private double Since(DateTime time, DateTime instant, Func<string, string, Exception> refuse, string column)
    {
        if (time > instant)
        {
            throw refuse(column, $"{SnapshotAssembly.Show(time)} is after the instant of the snapshot ({SnapshotAssembly.Show(instant)})");
        }

        var value = seconds(time);
        return value >= 0
            ? value
            : throw refuse(column, $"{SnapshotAssembly.Show(time)} is before the run's start; give an earlier start (--start, or simulation.start in the blueprint)");
    }

    /// <summary>No resource holds more than its max_cap, and no task waits while a unit is free: the same rules as the validator's, told by row key.</summary>
    private void CheckCapacities(ParameterRegistry registry, StateRows rows, List<(TaskSnapshot Task, WipRow Row, TaskStep Step)> tasks)
    {
        foreach (var name in model.ResourceNames)
        {
            var holders = tasks.Where(t => (t.Task.State == TaskState.InService && t.Step.Resource == name) || t.Task.Holding?.Resource == name).Select(t => t.Row.Key).ToArray();
            var queued = tasks.Where(t => t.Task.State == TaskState.Queued && t.Step.Resource == name).Select(t => t.Row.Key).ToArray();
            var (current, max) = (Capacity(registry, name, "current_cap"), Capacity(registry, name, "max_cap"));
            var where = rows.ResourceRows is null ? rows.Parameters.Label : $"{rows.Resources.Label} or {rows.Parameters.Label}";
            if (holders.Length > max)
            {
                throw Refusal.Relation(rows.Wip, $"line '{model.SimId}': {holders.Length} tasks hold resource '{name}' ({Keys(holders)}), above its max_cap ({max}, from the model or {where})");
            }

            if (queued.Length > 0 && holders.Length < current)
            {
                throw Refusal.Relation(rows.Wip,
                    $"line '{model.SimId}': {queued.Length} task(s) queued at resource '{name}' ({Keys(queued)}) while only {holders.Length} of its {current} units are in use: a queued task would have started; mark tasks in_service, or give the capacity in force in {where}");
            }
        }
    }

    /// <summary>In service first, by since; then the queued, resource by resource in the model's order, by priority, since and the rows' order.</summary>
    private TaskSnapshot[] Ordered(List<(TaskSnapshot Task, WipRow Row, TaskStep Step)> tasks)
    {
        var resourceOrder = model.ResourceNames.Select((name, i) => (name, i)).ToDictionary(p => p.name, p => p.i, StringComparer.Ordinal);
        var inService = tasks.Where(t => t.Task.State == TaskState.InService).OrderBy(t => t.Task.Since).ThenBy(t => t.Row.Order);
        var queued = tasks.Where(t => t.Task.State == TaskState.Queued)
            .OrderBy(t => resourceOrder[t.Step.Resource]).ThenBy(t => t.Task.Priority ?? t.Step.Priority).ThenBy(t => t.Task.Since).ThenBy(t => t.Row.Order);
        return inService.Concat(queued).Select(t => t.Task).ToArray();
    }

    private long NextTaskNumber()
    {
        var highest = -1L;
        foreach (var row in Wip)
        {
            var kind = model.Tasks.First(t => t.Name == row.Task);
            if (kind.FromLink is null && row.Key.Length > kind.KeyPrefix.Length && row.Key.StartsWith(kind.KeyPrefix, StringComparison.Ordinal)
                && long.TryParse(row.Key.AsSpan(kind.KeyPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            {
                highest = Math.Max(highest, number);
            }
        }

        return highest + 1;
    }

    private int Capacity(ParameterRegistry registry, string resource, string which) =>
        Convert.ToInt32(registry.Get($"{model.SimId}.resources.{resource}.{which}"), CultureInfo.InvariantCulture);

    private static string? Refused(Action action)
    {
        try
        {
            action();
            return null;
        }
        catch (RegistryException e)
        {
            return e.Message;
        }
    }

    private static string Keys(string[] keys) =>
        string.Join(", ", keys.Take(MaxKeysShown)) + (keys.Length > MaxKeysShown ? $", … {keys.Length - MaxKeysShown} more" : string.Empty);

    private static string Known(IEnumerable<string> names)
    {
        var list = names.Order(StringComparer.Ordinal).ToArray();
        return list.Length == 0 ? "none" : string.Join(", ", list);
    }
}
