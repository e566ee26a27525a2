using System.Globalization;
using ActorSim.Model.Building;
using ActorSim.Model.Plants;
using ActorSim.Model.Registry;

namespace ActorSim.Model.Snapshots;

/// <summary>
/// Checks a snapshot against the model it is to be restored into, before anything runs: the model's fingerprint,
/// every line, parameter, resource, task, process and order. Every problem is reported with its JSON path and the rule
/// it breaks (<c>lines[0].tasks[12].since: after as_of</c>).
/// </summary>
public static class SnapshotValidator
{
    private const int MaxListed = 20;

    /// <summary>Throws a <see cref="SnapshotException"/> listing every problem of <paramref name="snapshot"/> for <paramref name="model"/>.</summary>
    public static void Check(ModelSnapshot snapshot, PlantModel model, string source)
    {
        var problems = Problems(snapshot, model);
        if (problems.Count == 0)
        {
            return;
        }

        var lines = problems.Take(MaxListed).Select(p => "  " + p.Path + ": " + p.Rule);
        var more = problems.Count > MaxListed ? $"\n  … and {problems.Count - MaxListed} more" : string.Empty;
        var head = problems.Count == 1 ? "1 problem" : $"{problems.Count} problems";
        throw new SnapshotException($"{source}: {head}:\n{string.Join("\n", lines)}{more}") { JsonPath = problems[0].Path };
    }

    /// <summary>Every problem of <paramref name="snapshot"/> for <paramref name="model"/>, in document order.</summary>
    public static IReadOnlyList<(string Path, string Rule)> Problems(ModelSnapshot snapshot, PlantModel model)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(model);
        var problems = new List<(string, string)>();
        var fingerprint = ModelFingerprint.Of(model);
        if (snapshot.Model.Fingerprint != fingerprint)
        {
            problems.Add(("model.fingerprint",
                $"the snapshot is of model '{snapshot.Model.Name}' (fingerprint {snapshot.Model.Fingerprint}); this model's fingerprint is {fingerprint}: another model, or this one changed (its lines, tasks, steps, resources or links)"));
            return problems;
        }

        if (!double.IsFinite(snapshot.AsOf) || snapshot.AsOf < 0)
        {
            problems.Add(("as_of", $"must be a finite number of seconds ≥ 0; {Number(snapshot.AsOf)} was given"));
            return problems;
        }

        if (snapshot.Lines.Count != model.Lines.Count)
        {
            problems.Add(("lines", $"the model has {model.Lines.Count} line(s) ({string.Join(", ", model.Lines.Select(l => l.SimId))}); the snapshot has {snapshot.Lines.Count}"));
            return problems;
        }

        for (var i = 0; i < model.Lines.Count; i++)
        {
            new LineCheck(snapshot, snapshot.Lines[i], model, i, problems).Run();
        }

        return problems;
    }

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private sealed class LineCheck(ModelSnapshot snapshot, LineSnapshot state, PlantModel plant, int index, List<(string, string)> problems)
    {
        private readonly LineModel model = plant.Lines[index];
        private readonly string at = $"lines[{index}]";
        private readonly bool _exact = snapshot.Kind == SnapshotKind.Exact;
        private readonly double _asOf = snapshot.AsOf;
        private readonly HashSet<int> _orders = [];

        public void Run()
        {
            if (state.SimId != model.SimId)
            {
                Add("sim_id", $"'{state.SimId}' is not the model's line '{model.SimId}' at this place");
                return;
            }

            if (model.Processes.Count > 0)
            {
                Add(string.Empty, $"line '{model.SimId}' runs the custom process '{model.Processes[0].Name}' (C# code): it cannot start from a snapshot");
            }

            CheckParameters();
            var capacities = CheckResources();
            CheckContainers();
            CheckStores();
            CheckTasks(capacities);
            CheckArrivals();
            CheckSchedules();
            CheckTimers();
            CheckRandom();
            CheckInTransit();
            if (state.NextTaskNumber < 0)
            {
                Add("next_task_number", "must be ≥ 0");
            }
        }

        private void CheckParameters()
        {
            var scratch = plant.CreateRegistry(index);

            foreach (var (path, value) in CapacityOrder.Ordered(state.Parameters, p => scratch.Contains(p) ? scratch.Get(p) : null))
            {
                Try($"parameters['{path}']", () => scratch.Update(path, value));
            }

            for (var i = 0; i < state.Scenario.Count; i++)
            {
                var step = state.Scenario[i];
                if (!(step.At >= _asOf) || !double.IsFinite(step.At))
                {
                    Add($"scenario[{i}].at", $"{Number(step.At)} is before as_of ({Number(_asOf)}); only changes still to come belong here");
                }
                else if (i > 0 && step.At < state.Scenario[i - 1].At)
                {
                    Add($"scenario[{i}].at", "the changes must be in time order");
                }

                Try($"scenario[{i}]", () => scratch.Update(step.Path, step.Value));
            }

            foreach (var path in state.UnseenChanges ?? [])
            {
                if (!scratch.Contains(path))
                {
                    Add("unseen_changes", $"'{path}' is not a registry path of line '{model.SimId}'");
                }
            }
        }

        private Dictionary<string, (int Current, int Max, int InUse, int Queued, int Index)> CheckResources()
        {
            var parameters = model.CreateParameters();
            var capacities = parameters.Resources.ToDictionary(
                r => r.Key, r => (Current: (int)r.Value.CurrentCap, Max: (int)r.Value.MaxCap, InUse: 0, Queued: 0, Index: -1), StringComparer.Ordinal);
            foreach (var (path, value) in state.Parameters)
            {
                foreach (var name in capacities.Keys.ToArray())
                {
                    var prefix = $"{model.SimId}.resources.{name}.";
                    if (path.StartsWith(prefix, StringComparison.Ordinal) && value is long or double)
                    {
                        var number = Convert.ToInt32(value, CultureInfo.InvariantCulture);
                        var c = capacities[name];
                        capacities[name] = path.EndsWith(".current_cap", StringComparison.Ordinal) ? c with { Current = number } : path.EndsWith(".max_cap", StringComparison.Ordinal) ? c with { Max = number } : c;
                    }
                }
            }

            for (var i = 0; i < state.Resources.Count; i++)
            {
                var resource = state.Resources[i];
                if (!capacities.TryGetValue(resource.Name, out var c))
                {
                    Add($"resources[{i}].name", $"line '{model.SimId}' has no resource '{resource.Name}'; it has {Known(capacities.Keys)}");
                    continue;
                }

                if (resource.CurrentCap < 0 || resource.CurrentCap > resource.MaxCap)
                {
                    Add($"resources[{i}].current_cap", $"{resource.CurrentCap} must be between 0 and max_cap ({resource.MaxCap})");
                }

                capacities[resource.Name] = c with { Current = resource.CurrentCap, Max = resource.MaxCap, Index = i };
            }

            return capacities;
        }

        private void CheckStores()
        {
            for (var i = 0; i < state.Stores.Count; i++)
            {
                if (!model.StoreNames.Contains(state.Stores[i].Name))
                {
                    Add($"stores[{i}].name", $"line '{model.SimId}' has no store '{state.Stores[i].Name}'; it has {Known(model.StoreNames)}");
                }
            }
        }

        private void CheckContainers()
        {
            for (var i = 0; i < state.Containers.Count; i++)
            {
                var container = state.Containers[i];
                if (!model.ContainerNames.Contains(container.Name))
                {
                    Add($"containers[{i}].name", $"line '{model.SimId}' has no container '{container.Name}'; it has {Known(model.ContainerNames)}");
                }
                else if (!(container.Level >= 0) || !double.IsFinite(container.Level))
                {
                    Add($"containers[{i}].level", "must be a finite number ≥ 0");
                }
            }
        }

        private void CheckTasks(Dictionary<string, (int Current, int Max, int InUse, int Queued, int Index)> capacities)
        {
            var kinds = model.Tasks.ToDictionary(t => t.Name, StringComparer.Ordinal);
            var keys = new HashSet<string>(StringComparer.Ordinal);
            var lastQueued = new Dictionary<string, TaskSnapshot>(StringComparer.Ordinal);
            for (var i = 0; i < state.Tasks.Count; i++)
            {
                var task = state.Tasks[i];
                var here = $"tasks[{i}]";
                if (string.IsNullOrEmpty(task.Key) || !keys.Add(task.Key))
                {
                    Add($"{here}.key", string.IsNullOrEmpty(task.Key) ? "must not be empty" : $"'{task.Key}' is listed twice");
                }

                if (!kinds.TryGetValue(task.Task, out var kind))
                {
                    Add($"{here}.task", $"line '{model.SimId}' has no task '{task.Task}'; it has {Known(kinds.Keys)}");
                    continue;
                }

                if (task.Step < 0 || task.Step >= kind.Steps.Count)
                {
                    Add($"{here}.step", $"{task.Step} is outside task '{kind.Name}', whose steps are 0 to {kind.Steps.Count - 1}");
                    continue;
                }

                if (!double.IsFinite(task.Since) || task.Since > _asOf)
                {
                    Add($"{here}.since", $"{Number(task.Since)} is after as_of ({Number(_asOf)})");
                }

                var step = kind.Steps[task.Step];
                var unit = capacities[step.Resource];
                if (task.State == TaskState.InService)
                {
                    CheckInService(task, here);
                    capacities[step.Resource] = unit with { InUse = unit.InUse + 1 };
                    continue;
                }

                if (lastQueued.TryGetValue(step.Resource, out var before) && ((task.Priority ?? step.Priority) < (before.Priority ?? 1) || ((task.Priority ?? step.Priority) == (before.Priority ?? 1) && task.Since < before.Since)))
                {
                    Add($"{here}", $"queued at '{step.Resource}' out of service order: tasks queued at one resource are listed by priority, then by since");
                }

                lastQueued[step.Resource] = task with { Priority = task.Priority ?? step.Priority };
                capacities[step.Resource] = unit with { Queued = unit.Queued + 1 };
                CheckHolding(task, kind, here, capacities);
            }

            foreach (var (name, c) in capacities)
            {
                var where = c.Index >= 0 ? $"resources[{c.Index}]" : "tasks";
                // Above current_cap is a shrink in progress (work under way finishes); above max_cap cannot be.
                if (c.InUse > c.Max)
                {
                    Add(where, $"{c.InUse} tasks hold '{name}', above its max_cap ({c.Max})");
                }

                if (c.Queued > 0 && c.InUse < c.Current)
                {
                    Add(where, $"{c.Queued} task(s) queued at '{name}' while only {c.InUse} of its {c.Current} units are in use: a queued task would have started");
                }

                if (c.Index >= 0 && state.Resources[c.Index] is { } listed && ((listed.InUse is { } inUse && inUse != c.InUse) || (listed.QueueLength is { } queued && queued != c.Queued)))
                {
                    Add(where, $"says in_use {listed.InUse?.ToString(CultureInfo.InvariantCulture) ?? "-"} and queue_length {listed.QueueLength?.ToString(CultureInfo.InvariantCulture) ?? "-"}; the tasks listed make {c.InUse} and {c.Queued}");
                }
            }
        }

        private void CheckInService(TaskSnapshot task, string here)
        {
            if (task.Holding is not null)
            {
                Add($"{here}.holding", "only a queued task holds the previous step's unit");
            }

            if (task.FinishAt is { } finish && (!double.IsFinite(finish) || finish < _asOf))
            {
                Add($"{here}.finish_at", $"{Number(finish)} is before as_of ({Number(_asOf)})");
            }

            if (_exact && (task.FinishAt is null || task.Order is null))
            {
                Add(here, "an exact snapshot gives each task in service its finish_at and order");
            }

            Order(task.Order, $"{here}.order");
        }

        private void CheckHolding(TaskSnapshot task, TaskDefinition kind, string here, Dictionary<string, (int Current, int Max, int InUse, int Queued, int Index)> capacities)
        {
            var handOff = task.Step > 0 && kind.Steps[task.Step].HandOff;
            if (task.FinishAt is not null || task.Order is not null)
            {
                Add(here, "a queued task has no finish_at or order");
            }

            if (task.Holding is not { } holding)
            {
                if (handOff && _exact)
                {
                    Add($"{here}.holding", $"step {task.Step} of '{kind.Name}' is a hand-off: a task queued there holds '{kind.Steps[task.Step - 1].Resource}'");
                }

                return;
            }

            if (!handOff)
            {
                Add($"{here}.holding", $"step {task.Step} of '{kind.Name}' is not a hand-off: a task queued there holds nothing");
            }
            else if (holding.Resource != kind.Steps[task.Step - 1].Resource)
            {
                Add($"{here}.holding.resource", $"'{holding.Resource}' is not the previous step's resource '{kind.Steps[task.Step - 1].Resource}'");
            }
            else
            {
                var unit = capacities[holding.Resource];
                capacities[holding.Resource] = unit with { InUse = unit.InUse + 1 };
            }

            if (!double.IsFinite(holding.Since) || holding.Since > _asOf)
            {
                Add($"{here}.holding.since", $"{Number(holding.Since)} is after as_of ({Number(_asOf)})");
            }
        }

        private void CheckArrivals()
        {
            var arrivalTasks = model.Tasks.Where(t => t.Arrival is not null).Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
            var listed = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < state.Arrivals.Count; i++)
            {
                var arrival = state.Arrivals[i];
                var here = $"arrivals[{i}]";
                if (!arrivalTasks.Contains(arrival.Task))
                {
                    Add($"{here}.task", $"line '{model.SimId}' has no task '{arrival.Task}' created by arrivals; it has {Known(arrivalTasks)}");
                    continue;
                }

                if (!listed.Add(arrival.Task))
                {
                    Add($"{here}.task", $"'{arrival.Task}' is listed twice");
                }

                var waits = (arrival.NextAt is not null ? 1 : 0) + (arrival.WaitingForChange ? 1 : 0) + (arrival.Ended ? 1 : 0);
                if (waits > 1)
                {
                    Add(here, "give one of next_at, waiting_for_change and ended");
                }
                else if (waits == 0 && _exact)
                {
                    Add(here, "an exact snapshot gives each arrival process its next_at (and order), or says it is waiting_for_change or ended");
                }

                if (arrival.NextAt is { } next)
                {
                    Timer(new TimerSnapshot(next, arrival.Order), $"{here}.next_at");
                }
            }

            if (_exact)
            {
                foreach (var missing in arrivalTasks.Where(t => !listed.Contains(t)).Order(StringComparer.Ordinal))
                {
                    Add("arrivals", $"an exact snapshot lists the arrival process of every task created by arrivals; '{missing}' is missing");
                }
            }
        }

        private void CheckSchedules()
        {
            var schedules = model.Schedules.ToDictionary(s => s.Name, StringComparer.Ordinal);
            var listed = new HashSet<string>(StringComparer.Ordinal);
            var states = state.Schedules ?? [];
            for (var i = 0; i < states.Count; i++)
            {
                var progress = states[i];
                var here = $"schedules[{i}]";
                if (!schedules.TryGetValue(progress.Name, out var schedule))
                {
                    Add($"{here}.name", $"line '{model.SimId}' has no schedule '{progress.Name}'; it has {Known(schedules.Keys)}");
                    continue;
                }

                if (!listed.Add(progress.Name))
                {
                    Add($"{here}.name", $"'{progress.Name}' is listed twice");
                }

                var count = schedule.Releases.Count;
                if (progress.Next < 0 || progress.Next > count)
                {
                    Add($"{here}.next", $"{progress.Next} is not a release of schedule '{schedule.Name}', which has {count} (0 … {count})");
                    continue;
                }

                if (progress.NextAt is { } next)
                {
                    if (progress.Next == count)
                    {
                        Add($"{here}.next_at", $"schedule '{schedule.Name}' has no release left after {count}, so nothing to wake for");
                    }
                    else if (next != schedule.Releases[progress.Next].Time)
                    {
                        Add($"{here}.next_at", $"{Number(next)} is not the time of release {progress.Next} of schedule '{schedule.Name}' ({Number(schedule.Releases[progress.Next].Time)}): the schedule is not the one the snapshot was taken with");
                    }

                    Timer(new TimerSnapshot(next, progress.Order), $"{here}.next_at");
                }
                else if (_exact && progress.Next < count)
                {
                    Add($"{here}.next_at", $"an exact snapshot gives the wake-up (next_at and order) of a schedule with releases left; '{schedule.Name}' has {count - progress.Next}");
                }

                if (progress.Next < count && schedule.Releases[progress.Next].Time < _asOf)
                {
                    Add($"{here}.next", $"release {progress.Next} of schedule '{schedule.Name}' is at t={Number(schedule.Releases[progress.Next].Time)}, before as_of ({Number(_asOf)}): it would have started");
                }
            }

            if (_exact)
            {
                foreach (var missing in schedules.Keys.Where(n => !listed.Contains(n)).Order(StringComparer.Ordinal))
                {
                    Add("schedules", $"an exact snapshot lists every schedule of the line; '{missing}' is missing");
                }
            }
        }

        private void CheckTimers()
        {
            if (state.Telemetry is { } telemetry)
            {
                if (model.TelemetryInterval is null)
                {
                    Add("telemetry", $"line '{model.SimId}' samples no telemetry");
                }

                Timer(telemetry, "telemetry.next_at");
            }
            else if (_exact && model.TelemetryInterval is not null)
            {
                Add("telemetry", "an exact snapshot of a line that samples telemetry gives its next sample");
            }

            if (state.LagMonitor is { } lag)
            {
                Timer(lag, "lag_monitor.next_at");
            }

            if (state.ScenarioWake is { } wake)
            {
                if (state.Scenario.Count == 0)
                {
                    Add("scenario_wake", "there is no scenario change to come");
                }

                Timer(wake, "scenario_wake.next_at");
            }
            else if (_exact && state.Scenario.Count > 0)
            {
                Add("scenario_wake", "an exact snapshot with scenario changes to come gives the scenario process's wake-up");
            }
        }

        private void CheckRandom()
        {
            if (state.Random is { } random)
            {
                if (random.State.Count != 4 || random.State.Any(w => w.Length != 16 || !ulong.TryParse(w, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out _)))
                {
                    Add("random.state", "must be four words of 16 hex digits");
                }
                else if (random.State.All(w => w.All(c => c == '0')))
                {
                    Add("random.state", "an all-zero state is not a xoshiro256** state");
                }
            }
            else if (_exact)
            {
                Add("random", "an exact snapshot gives the line's random stream");
            }
        }

        private void CheckInTransit()
        {
            if (state.ItemsSent < 0)
            {
                Add("items_sent", "must be ≥ 0");
            }

            var seen = new HashSet<(string, long)>();
            for (var i = 0; i < state.InTransit.Count; i++)
            {
                var item = state.InTransit[i];
                var here = $"in_transit[{i}]";
                var link = plant.Links.FirstOrDefault(l => l.Name == item.Link);
                if (link is null || link.To != model.SimId)
                {
                    var inbound = plant.Links.Where(l => l.To == model.SimId).Select(l => l.Name);
                    Add($"{here}.link", $"no link '{item.Link}' goes to line '{model.SimId}'; links to it: {Known(inbound)}");
                    continue;
                }

                if (item.From != link.From)
                {
                    Add($"{here}.from", $"link '{link.Name}' comes from line '{link.From}', not '{item.From}'");
                }

                if (item.ArrivalAt is { } arrival && (!double.IsFinite(arrival) || arrival < _asOf))
                {
                    Add($"{here}.arrival_at", $"{Number(arrival)} is before as_of ({Number(_asOf)}): the item would have arrived");
                }
                else if (item.ArrivalAt is null && _exact)
                {
                    Add($"{here}.arrival_at", "an exact snapshot gives each item's arrival");
                }

                if (!double.IsFinite(item.SentAt) || item.SentAt > _asOf || item.SentAt > (item.ArrivalAt ?? _asOf))
                {
                    Add($"{here}.sent_at", $"{Number(item.SentAt)} must be at or before as_of ({Number(_asOf)}) and the arrival");
                }

                if (item.Sequence < 0 || !seen.Add((item.From, item.Sequence)))
                {
                    Add($"{here}.sequence", item.Sequence < 0 ? "must be ≥ 0" : $"line '{item.From}' sent item {item.Sequence} once; it is listed twice");
                }
                else if (snapshot.Lines.FirstOrDefault(l => l.SimId == item.From) is { } sender && item.Sequence >= sender.ItemsSent)
                {
                    Add($"{here}.sequence", $"line '{item.From}' has sent {sender.ItemsSent} items (0 to {sender.ItemsSent - 1})");
                }

                if (string.IsNullOrEmpty(item.Key))
                {
                    Add($"{here}.key", "must not be empty");
                }
            }
        }

        private void Timer(TimerSnapshot timer, string here)
        {
            if (!double.IsFinite(timer.NextAt) || timer.NextAt < _asOf)
            {
                Add(here, $"{Number(timer.NextAt)} is before as_of ({Number(_asOf)})");
            }

            if (_exact && timer.Order is null)
            {
                Add(here.Replace("next_at", "order", StringComparison.Ordinal), "an exact snapshot gives the order of every wake-up");
            }

            Order(timer.Order, here.Replace("next_at", "order", StringComparison.Ordinal));
        }

        private void Order(int? order, string here)
        {
            if (order is { } value && (value < 0 || !_orders.Add(value)))
            {
                Add(here, value < 0 ? "must be ≥ 0" : $"{value} is given twice in this line");
            }
        }

        private void Try(string here, Action update)
        {
            try
            {
                update();
            }
            catch (RegistryException e)
            {
                Add(here, e.Message);
            }
        }

        private void Add(string path, string rule) => problems.Add((path.Length == 0 ? at : $"{at}.{path}", rule));

        private static string Known(IEnumerable<string> names)
        {
            var list = names.Order(StringComparer.Ordinal).ToArray();
            return list.Length == 0 ? "none" : string.Join(", ", list);
        }
    }
}
