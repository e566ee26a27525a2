using System.Globalization;
using ActorSim.Model.Records;
using ActorSim.Model.Resources;
using ActorSim.Model.Snapshots;

namespace ActorSim.Model.Building;

/// <summary>
/// Puts a line, built with the snapshot's parameters and random stream but no process started, into a snapshot's
/// state: the resources' units and queues, the tasks in progress, the arrival, telemetry, lag and scenario processes.
/// Processes that wake at a time start in the snapshot's order, so that events due at one instant run in the original
/// order. An observed snapshot's tasks in service draw their remaining time conditioned on the time spent, its arrivals
/// draw afresh, and its telemetry samples on the interval's grid from the snapshot's instant on.
/// </summary>
internal static class LineStateRestore
{
    public static void Restore(Line line, LineSnapshot state, SnapshotKind kind)
    {
        var simulation = line.Simulation;
        var asOf = simulation.Now;
        var tasksByName = line.Model.Tasks.ToDictionary(t => t.Name, StringComparer.Ordinal);
        line.NextTaskNumber = state.NextTaskNumber;
        foreach (var store in state.Stores)
        {
            line.Stores[store.Name].RestoreItems(store.Items);
        }

        line.CompileLinkTasks();
        var timed = new List<Timed>();
        var untimed = new List<Action>();

        // Units held first (in service, and across a hand-off), then the queues in their order: nothing is granted yet.
        var granted = new Dictionary<int, DynamicRequest>();
        for (var i = 0; i < state.Tasks.Count; i++)
        {
            var task = state.Tasks[i];
            var definition = tasksByName[task.Task];
            var step = definition.Steps[task.Step];
            var priority = task.Priority ?? step.Priority;
            if (task.State == TaskState.InService)
            {
                granted[i] = line.Resource(step.Resource).RestoreGranted(priority, task.Since, task.Since);
            }
            else if (task.Holding is { } holding)
            {
                var previous = definition.Steps[task.Step - 1];
                granted[i] = line.Resource(holding.Resource).RestoreGranted(previous.Priority, holding.Since, holding.Since);
            }
        }

        for (var i = 0; i < state.Tasks.Count; i++)
        {
            var task = state.Tasks[i];
            var definition = tasksByName[task.Task];
            var (steps, send) = line.Compile(definition);
            var key = KeyOf(task.Key, definition);
            var run = line.NewTaskRun();
            if (task.State == TaskState.InService)
            {
                var held = granted[i];
                var finishAt = task.FinishAt ?? asOf + line.Sampler.SampleResidual(steps[task.Step].Service, asOf - task.Since);
                run.ResumeInService(key, task.Attributes, steps, send, task.Step, held, finishAt);
                timed.Add(new Timed(task.Order, finishAt, timed.Count, () => line.StartRestored(run, definition.Name)));
            }
            else
            {
                var request = line.Resource(steps[task.Step].Resource.Name).RestoreWaiting(task.Priority ?? steps[task.Step].Priority, task.Since);
                run.ResumeQueued(key, task.Attributes, steps, send, task.Step, request, granted.GetValueOrDefault(i));
                untimed.Add(() => line.StartRestored(run, definition.Name));
            }
        }

        var arrivals = state.Arrivals.ToDictionary(a => a.Task, StringComparer.Ordinal);
        foreach (var task in line.Model.Tasks.Where(t => t.Arrival is not null))
        {
            var arrival = arrivals.GetValueOrDefault(task.Name);
            if (arrival is { NextAt: { } next })
            {
                timed.Add(new Timed(arrival.Order, next, timed.Count, () => line.StartArrivals(task, next, false)));
            }
            else
            {
                // Waiting for a change, ended, or (observed) drawn afresh from the instant on.
                untimed.Add(() => line.StartArrivals(task, null, arrival?.WaitingForChange == true, arrival?.Ended == true));
            }
        }

        // A schedule goes on from the release the snapshot names (exact: at its wake-up, in its order); without one
        // (an observed snapshot, or one written before schedules), from the first release at or after the instant.
        var schedules = (state.Schedules ?? []).ToDictionary(s => s.Name, StringComparer.Ordinal);
        foreach (var schedule in line.Model.Schedules)
        {
            if (schedules.GetValueOrDefault(schedule.Name) is { NextAt: { } wake } progress)
            {
                timed.Add(new Timed(progress.Order, wake, timed.Count, () => line.StartSchedule(schedule, progress.Next, wake)));
            }
            else
            {
                var next = schedules.GetValueOrDefault(schedule.Name)?.Next ?? schedule.FirstAtOrAfter(asOf);
                untimed.Add(() => line.StartSchedule(schedule, next, null));
            }
        }

        if (line.Model.TelemetryInterval is { } interval)
        {
            var next = state.Telemetry?.NextAt ?? Math.Ceiling(asOf / interval) * interval;
            timed.Add(new Timed(state.Telemetry?.Order, next, timed.Count, () => line.StartTelemetry(next)));
        }

        if (simulation.Pacing.Factor > 0)
        {
            var next = state.LagMonitor?.NextAt ?? line.LiveFrom ?? asOf;
            timed.Add(new Timed(state.LagMonitor?.Order, next, timed.Count, () => line.StartLagMonitor(next)));
        }

        if (state.Scenario.Count > 0)
        {
            var changes = state.Scenario.Select(s => new ScenarioChange(s.At, s.Path, s.Value)).ToArray();
            var wake = state.ScenarioWake;
            timed.Add(new Timed(wake?.Order, wake?.NextAt ?? changes[0].At, timed.Count, () => line.StartScenario(changes, wake?.NextAt)));
        }

        // Exact: the snapshot's order. Observed: by time, then as listed.
        foreach (var start in timed.OrderBy(t => t.Order ?? int.MaxValue).ThenBy(t => t.Time).ThenBy(t => t.Listed))
        {
            start.Start();
        }

        foreach (var start in untimed)
        {
            start();
        }

        foreach (var resource in line.Resources.Values)
        {
            resource.GrantRestored();
        }
    }

    /// <summary>'task-17' of a kind with prefix 'task-' as (task-, 17), as the line makes its keys; any other key as it is.</summary>
    private static RecordKey KeyOf(string key, TaskDefinition task)
    {
        var prefix = task.KeyPrefix;
        if (key.Length > prefix.Length && key.StartsWith(prefix, StringComparison.Ordinal)
            && long.TryParse(key.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            && number.ToString(CultureInfo.InvariantCulture).Length == key.Length - prefix.Length)
        {
            return new RecordKey(prefix, number);
        }

        return RecordKey.Of(key);
    }

    private sealed record Timed(int? Order, double Time, int Listed, Action Start);
}
