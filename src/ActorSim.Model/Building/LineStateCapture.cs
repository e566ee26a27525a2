using System.Globalization;
using ActorSim.Engine;
using ActorSim.Model.Snapshots;

namespace ActorSim.Model.Building;

/// <summary>
/// Takes a line's exact state between two events: every registry value, the resources, the tasks in progress (from the
/// engine's schedule and the resources' queues), the processes' next wake-ups with their order among the events due,
/// and the random stream. Refuses what it cannot hold: a custom process (C# code), or an event it cannot attribute.
/// </summary>
internal static class LineStateCapture
{
    /// <summary>
    /// The states of <paramref name="lines"/> (a plant's, in its order; in one simulation or one each) at their common
    /// instant. Each line's wake-ups are numbered in the order its simulation would process them. Items in transit are
    /// those in the destination lines' schedules and inboxes, plus <paramref name="heldElsewhere"/> (a coordinator's).
    /// </summary>
    public static LineSnapshot[] Capture(IReadOnlyList<Line> lines, IEnumerable<Plants.ItemShipment> heldElsewhere)
    {
        var scheduled = lines.ToDictionary(l => l, _ => new List<ScheduledEvent>());
        var inTransit = lines.ToDictionary(l => l, l => new HashSet<Plants.ItemShipment>(l.InboxWaiting, ReferenceEqualityComparer.Instance));
        foreach (var shipment in heldElsewhere)
        {
            inTransit[lines[shipment.DestinationLine]].Add(shipment);
        }

        foreach (var simulation in lines.Select(l => l.Simulation).Distinct())
        {
            var owners = new Dictionary<Process, Line>(ReferenceEqualityComparer.Instance);
            foreach (var line in lines.Where(l => ReferenceEquals(l.Simulation, simulation)))
            {
                foreach (var process in line.ArrivalProcesses.Select(a => a.Process).Concat(line.ScheduleRuns.Select(s => s.Process)).Append(line.TelemetryProcess).Append(line.LagProcess).Append(line.ScenarioProcess))
                {
                    if (process is not null)
                    {
                        owners[process] = line;
                    }
                }
            }

            foreach (var entry in simulation.PendingInOrder())
            {
                if (entry.IsDelivery && entry.Event.Value is Plants.ItemShipment shipment && shipment.DestinationLine < lines.Count)
                {
                    inTransit[lines[shipment.DestinationLine]].Add(shipment);
                    continue;
                }

                var process = entry.Event.WaitingProcess;
                var owner = process?.Steps is TaskRun run ? run.Line : process is not null ? owners.GetValueOrDefault(process) : null;
                if (owner is null || !scheduled.TryGetValue(owner, out var list))
                {
                    throw new SnapshotException(
                        $"The event {entry.Event} due at t={simulation.FormatTime(entry.Time)} belongs to no process a snapshot knows (tasks, arrivals, schedules, telemetry, lag monitor, scenario, items in transit); it cannot be captured.");
                }

                list.Add(entry);
            }
        }

        return lines.Select(l => Capture(l, scheduled[l], inTransit[l], i => lines[i].SimId)).ToArray();
    }

    /// <summary>
    /// The state of <paramref name="line"/>, alone in its simulation (a windowed or actor line): its schedule, the items
    /// delivered to it, named by <paramref name="simIdOf"/> (a plant line's id by index). Items a coordinator still
    /// holds are added by <see cref="SnapshotCapture.Assemble"/>. With <paramref name="keepScheduledDelivery"/>, only
    /// the items handed over and not arrived (scheduled or in its inbox) it keeps are listed: a coordinator lists the others.
    /// </summary>
    public static LineSnapshot CaptureAlone(Line line, Func<int, string> simIdOf, Func<Plants.ItemShipment, bool>? keepScheduledDelivery = null)
    {
        var inTransit = new HashSet<Plants.ItemShipment>(
            keepScheduledDelivery is null ? line.InboxWaiting : line.InboxWaiting.Where(keepScheduledDelivery), ReferenceEqualityComparer.Instance);
        var scheduled = new List<ScheduledEvent>();
        foreach (var entry in line.Simulation.PendingInOrder())
        {
            if (entry.IsDelivery && entry.Event.Value is Plants.ItemShipment shipment)
            {
                if (keepScheduledDelivery?.Invoke(shipment) != false)
                {
                    inTransit.Add(shipment);
                }
            }
            else if (entry.Event.WaitingProcess is null)
            {
                throw Unknown(line, entry.Event, entry.Time);
            }
            else
            {
                scheduled.Add(entry);
            }
        }

        return Capture(line, scheduled, inTransit, simIdOf);
    }

    /// <summary>The items handed to <paramref name="line"/> that have not arrived: waiting in its inbox or scheduled.</summary>
    public static IEnumerable<Plants.ItemShipment> NotArrived(Line line) =>
        line.InboxWaiting.Concat(line.Simulation.PendingInOrder().Where(e => e.IsDelivery).Select(e => e.Event.Value).OfType<Plants.ItemShipment>());

    /// <summary>Items in transit as a snapshot lists them, in delivery order (arrival, sender, sequence).</summary>
    public static ItemInTransit[] InTransit(IEnumerable<Plants.ItemShipment> items, Func<int, string> simIdOf) =>
        items.Order(Comparer<Plants.ItemShipment>.Create(Plants.Internal.DeliveryOrder.Comparison))
            .Select(i => new ItemInTransit
            {
                Link = i.Link,
                From = simIdOf(i.SourceLine),
                Sequence = i.Sequence,
                SentAt = i.SentAt,
                ArrivalAt = i.ArrivalTime,
                Key = i.Item.Key.ToString(),
                Attributes = i.Item.Attributes,
            })
            .ToArray();

    private static LineSnapshot Capture(Line line, List<ScheduledEvent> schedule, HashSet<Plants.ItemShipment> inTransit, Func<int, string> simIdOf)
    {
        if (line.Model.Processes.Count > 0)
        {
            throw new SnapshotException(
                $"Line '{line.SimId}' runs the custom process '{line.Model.Processes[0].Name}' (C# code), whose state a snapshot cannot hold; only blueprint-built lines can be captured.");
        }

        var simulation = line.Simulation;
        var inService = new List<TaskSnapshot>();
        var arrivals = new Dictionary<Process, ArrivalSnapshot>();
        var schedules = new Dictionary<Process, TimerSnapshot>();
        TimerSnapshot? telemetry = null;
        TimerSnapshot? lag = null;
        TimerSnapshot? scenarioWake = null;
        for (var order = 0; order < schedule.Count; order++)
        {
            var (ev, time, _) = schedule[order];
            var process = ev.WaitingProcess!;
            var timer = new TimerSnapshot(time, order);
            if (process.Steps is TaskRun { IsInService: true } run && ReferenceEquals(process.Target, ev))
            {
                inService.Add(InService(run, time, order));
            }
            else if (line.ArrivalProcesses.FirstOrDefault(a => ReferenceEquals(a.Process, process)) is { Process: not null } arrival)
            {
                arrivals[process] = new ArrivalSnapshot(arrival.Task.Name, time, order);
            }
            else if (line.ScheduleRuns.Any(r => ReferenceEquals(r.Process, process)))
            {
                schedules[process] = timer;
            }
            else if (ReferenceEquals(process, line.TelemetryProcess))
            {
                telemetry = timer;
            }
            else if (ReferenceEquals(process, line.LagProcess))
            {
                lag = timer;
            }
            else if (ReferenceEquals(process, line.ScenarioProcess))
            {
                scenarioWake = timer;
            }
            else
            {
                throw Unknown(line, ev, time);
            }
        }

        var tasks = new List<TaskSnapshot>(inService);
        foreach (var resource in line.Resources.Values)
        {
            foreach (var request in resource.Queue)
            {
                if (request.WaitingProcess?.Steps is not TaskRun { IsQueued: true } run || !ReferenceEquals(run.Request, request))
                {
                    throw new SnapshotException(
                        $"Line '{line.SimId}': a request queued at resource '{resource.Name}' since t={simulation.FormatTime(request.RequestedAt)} belongs to no task of the line; it cannot be captured.");
                }

                tasks.Add(Queued(run));
            }
        }

        return new LineSnapshot
        {
            SimId = line.SimId,
            Parameters = Parameters(line),
            UnseenChanges = line.Registry.PathsWithUnseenChange(),
            Scenario = line.ScenarioToCome.Select(c => new ScenarioStep(c.At, c.Path, c.Value)).ToArray(),
            ScenarioWake = scenarioWake,
            Resources = line.Resources.Values.Select(r => new ResourceSnapshot(r.Name, r.Capacity, r.MaxCapacity, r.InUse, r.QueueLength)).ToArray(),
            Containers = line.Containers.Values.Select(c => new ContainerSnapshot(c.Name, c.Level)).ToArray(),
            Stores = line.Stores.Values.Select(s => new StoreSnapshot(s.Name, s.Items.ToArray())).ToArray(),
            Tasks = tasks,
            Arrivals = line.ArrivalProcesses.Select(a => arrivals.TryGetValue(a.Process, out var next) ? next : Idle(a.Task, a.Process)).ToArray(),
            Schedules = line.ScheduleRuns.Count == 0
                ? null
                : line.ScheduleRuns.Select(r => Schedule(r, schedules.GetValueOrDefault(r.Process))).ToArray(),
            NextTaskNumber = line.NextTaskNumber,
            ItemsSent = line.ItemsSent,
            InTransit = InTransit(inTransit, simIdOf),
            Telemetry = telemetry,
            LagMonitor = lag,
            Random = new RandomSnapshot(
                line.Sampler.Stream.Name,
                Array.ConvertAll(line.Sampler.Stream.State, w => w.ToString("x16", CultureInfo.InvariantCulture)),
                line.Sampler.SpareNormal),
        };
    }

    private static TaskSnapshot InService(TaskRun run, double finishAt, int order)
    {
        var step = run.Steps[run.StepIndex];
        return new TaskSnapshot
        {
            Key = run.Key.ToString(),
            Task = run.TaskName,
            Step = run.StepIndex,
            State = TaskState.InService,
            Since = run.Held!.GrantedAt,
            Priority = run.Held.Priority == step.Priority ? null : run.Held.Priority,
            FinishAt = finishAt,
            Order = order,
            Attributes = run.Attributes,
        };
    }

    private static TaskSnapshot Queued(TaskRun run)
    {
        var step = run.Steps[run.StepIndex];
        var request = run.Request!;
        return new TaskSnapshot
        {
            Key = run.Key.ToString(),
            Task = run.TaskName,
            Step = run.StepIndex,
            State = TaskState.Queued,
            Since = request.RequestedAt,
            Priority = request.Priority == step.Priority ? null : request.Priority,
            Holding = run.Held is { } held ? new HeldResource(held.Resource.Name, held.GrantedAt) : null,
            Attributes = run.Attributes,
        };
    }

    private static ScheduleSnapshot Schedule(ScheduleRun run, TimerSnapshot? wake) =>
        new(run.Schedule.Name, run.Next, wake?.NextAt, wake?.Order);

    private static ArrivalSnapshot Idle(TaskDefinition task, Process process) =>
        process.IsAlive ? new ArrivalSnapshot(task.Name, WaitingForChange: true) : new ArrivalSnapshot(task.Name, Ended: true);

    private static SortedDictionary<string, object> Parameters(Line line)
    {
        var values = new SortedDictionary<string, object>(StringComparer.Ordinal);
        foreach (var path in line.Registry.Paths)
        {
            if (path.StartsWith(line.SimId + ".", StringComparison.Ordinal))
            {
                values[path] = line.Registry.Get(path);
            }
        }

        return values;
    }

    private static SnapshotException Unknown(Line line, Event ev, double time) =>
        new($"Line '{line.SimId}': the event {ev} due at t={line.Simulation.FormatTime(time)} belongs to no process a snapshot knows (tasks, arrivals, schedules, telemetry, lag monitor, scenario); it cannot be captured.");
}
