using System.Runtime.CompilerServices;
using ActorSim.Engine;
using ActorSim.Model.Distributions;
using ActorSim.Model.Plants;
using ActorSim.Model.Plants.Internal;
using ActorSim.Model.Random;
using ActorSim.Model.Records;
using ActorSim.Model.Registry;
using ActorSim.Model.Resources;

namespace ActorSim.Model.Building;

/// <summary>
/// A line running in a simulation: its registry, resources, sampler and record sink, and the processes of its
/// tasks, telemetry and scenario. Hand-written processes use it to reach all of these.
/// </summary>
public sealed partial class Line
{
    /// <summary>The path of the lag telemetry a paced line publishes.</summary>
    public const string LagMetricPath = "system.simulation.lag_seconds";

    /// <summary>Simulated seconds between lag samples in a paced run (dynamic-des's default).</summary>
    public const double LagMonitorInterval = 1.0;

    private readonly Dictionary<string, DynamicResource> _resources = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DynamicContainer> _containers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DynamicStore<object>> _stores = new(StringComparer.Ordinal);
    private readonly Dictionary<string, LinkTask> _linkTasks = new(StringComparer.Ordinal);
    private readonly LinkSender? _sender;
    private readonly PlantLineContext? _plant;
    private readonly Action<Event> _onArrival;
    private readonly DeliveryInbox _inbox = new();
    private readonly Stack<TaskRun> _idleTasks = new();
    private readonly Action<Process> _recycleTask;
    private readonly List<(TaskDefinition Task, Process Process)> _arrivalProcesses = [];
    private readonly List<ScheduleRun> _scheduleRuns = [];
    private IReadOnlyList<ScenarioChange> _scenario;
    private int _scenarioNext;
    private long _nextTaskNumber;

    internal Line(
        LineModel model, Simulation simulation, ParameterRegistry registry, IRecordSink sink, RandomStream stream, PlantLineContext? plant = null,
        IReadOnlyDictionary<string, double>? containerLevels = null)
    {
        _plant = plant;
        _sender = plant is null ? null : new LinkSender(this, plant);
        _onArrival = OnArrival;
        _recycleTask = RecycleTask;
        Model = model;
        _scenario = model.Scenario;
        Simulation = simulation;
        Registry = registry;
        Sink = sink;
        Records = sink is not NullRecordSink;
        Sampler = new Sampler(stream);
        foreach (var name in model.ResourceNames)
        {
            _resources.Add(name, new DynamicResource(simulation, registry, model.SimId, name));
        }

        foreach (var name in model.ContainerNames)
        {
            var level = containerLevels is not null && containerLevels.TryGetValue(name, out var restored) ? restored : model.InitialLevel(name);
            _containers.Add(name, new DynamicContainer(simulation, registry, model.SimId, name, level));
        }

        foreach (var name in model.StoreNames)
        {
            _stores.Add(name, new DynamicStore<object>(simulation, registry, model.SimId, name));
        }
    }

    /// <summary>The model this line runs.</summary>
    public LineModel Model { get; }

    /// <summary>The line's id.</summary>
    public string SimId => Model.SimId;

    /// <summary>The simulation the line runs in.</summary>
    public Simulation Simulation { get; }

    /// <summary>The live parameters.</summary>
    public ParameterRegistry Registry { get; }

    /// <summary>The line's sampler, over its own random stream.</summary>
    public Sampler Sampler { get; }

    /// <summary>Where the line's records go.</summary>
    public IRecordSink Sink { get; }

    /// <summary>Whether records go anywhere: false for a <see cref="NullRecordSink"/> (a forecast's KPIs-only replication), whose tasks then build none.</summary>
    internal bool Records { get; }

    /// <summary>Sees the line's tasks come and go (null: nobody); set it before the run starts.</summary>
    public ILineObserver? Observer { get; set; }

    /// <summary>The line's dynamic resources by name.</summary>
    public IReadOnlyDictionary<string, DynamicResource> Resources => _resources;

    /// <summary>The line's dynamic containers by name.</summary>
    public IReadOnlyDictionary<string, DynamicContainer> Containers => _containers;

    /// <summary>The line's dynamic stores by name (items of any type).</summary>
    public IReadOnlyDictionary<string, DynamicStore<object>> Stores => _stores;

    /// <summary>Tasks created so far by arrivals (tasks started by items from links are not counted).</summary>
    public long TasksCreated => _nextTaskNumber;

    /// <summary>The number of the next task an arrival creates (a snapshot's restore sets it).</summary>
    internal long NextTaskNumber
    {
        get => _nextTaskNumber;
        set => _nextTaskNumber = value;
    }

    /// <summary>The arrival processes, one per kind of task created by arrivals, in the model's order.</summary>
    internal IReadOnlyList<(TaskDefinition Task, Process Process)> ArrivalProcesses => _arrivalProcesses;

    /// <summary>The production schedules running, in the model's order.</summary>
    internal IReadOnlyList<ScheduleRun> ScheduleRuns => _scheduleRuns;

    /// <summary>The telemetry process, if the line samples telemetry.</summary>
    internal Process? TelemetryProcess { get; private set; }

    /// <summary>The lag monitor, in a paced run.</summary>
    internal Process? LagProcess { get; private set; }

    /// <summary>The scenario process, while it has changes to apply.</summary>
    internal Process? ScenarioProcess { get; private set; }

    /// <summary>In a run that goes live later (<see cref="Engine.Pacing.PacingPolicy.GoLiveAt"/>), when its lag is first sampled; null: now.</summary>
    internal double? LiveFrom => Simulation.Pacing.GoLiveAt is { } live && live > Simulation.Now ? live : null;

    /// <summary>The scenario changes not applied yet, in time order.</summary>
    internal IEnumerable<ScenarioChange> ScenarioToCome => _scenario.Skip(_scenarioNext);

    /// <summary>Sends this line's items over its links (null outside a plant).</summary>
    internal LinkSender? Sender => _sender;

    /// <summary>The line's index in its plant, or -1 for a line started on its own.</summary>
    public int PlantIndex => _plant?.LineIndex ?? -1;

    /// <summary>Items sent over links so far; the next item sent gets this number as its sequence.</summary>
    public long ItemsSent => _sender?.ItemsSent ?? 0;

    /// <summary>Items delivered to this line and waiting their turn in its inbox (a snapshot also reads the schedule).</summary>
    internal IEnumerable<ItemShipment> InboxWaiting => _inbox.Waiting;

    /// <summary>Sets the count of items sent (a snapshot's restore); a line outside a plant sends none.</summary>
    internal void RestoreItemsSent(long count)
    {
        if (_sender is not null)
        {
            _sender.ItemsSent = count;
        }
    }

    /// <summary>The line's plant, for a snapshot: its index there and how it sends.</summary>
    internal PlantLineContext? Plant => _plant;

    /// <summary>The resource <paramref name="name"/>; throws naming the known ones if it does not exist.</summary>
    public DynamicResource Resource(string name) => _resources.TryGetValue(name, out var resource)
        ? resource
        : throw new KeyNotFoundException($"Line '{SimId}' has no resource '{name}'. Resources: {string.Join(", ", _resources.Keys)}.");

    /// <summary>
    /// The line's exact state now, to continue from later (<see cref="LineModel.Resume"/>). Take it between events —
    /// after <see cref="Simulation.RunUntil"/> returned — so that every event before <see cref="Simulation.Now"/> has
    /// happened and none at it. Throws a <see cref="Snapshots.SnapshotException"/> for a line with custom processes,
    /// whose state is C# code. A line of a plant names the other lines its items come from: take it with
    /// <see cref="Snapshots.SnapshotCapture.CaptureLine"/> or <see cref="Snapshots.SnapshotCapture.Take"/>.
    /// </summary>
    public Snapshots.LineSnapshot CaptureState() => _plant is null
        ? LineStateCapture.Capture([this], [])[0]
        : throw new InvalidOperationException($"Line '{SimId}' runs in a plant: take its state with SnapshotCapture.CaptureLine(plant, line) or the whole plant's with SnapshotCapture.Take.");

    /// <summary>Publishes an event with a custom value (dynamic-des's <c>publish_event</c>).</summary>
    public void PublishEvent(RecordKey key, object? value) => Sink.Publish(SimRecord.Event(Simulation.Now, key, value));

    /// <summary>Publishes a numeric telemetry sample under <c>&lt;sim_id&gt;.&lt;name&gt;</c>.</summary>
    public void PublishTelemetry(string name, double value) => Sink.Publish(SimRecord.Telemetry(Simulation.Now, $"{SimId}.{name}", value));

    /// <summary>Starts one task of kind <paramref name="task"/> now (what the arrival stream does).</summary>
    public Process StartTask(TaskDefinition task)
    {
        ArgumentNullException.ThrowIfNull(task);
        return Simulation.Process(new TaskRun(this).Init(new RecordKey(task.KeyPrefix, _nextTaskNumber++), null, CompileSteps(task), CompileSend(task)), task.Name);
    }

    /// <summary>
    /// Schedules the arrival of <paramref name="shipment"/> (for this line, over a link one of its tasks starts from) at
    /// its arrival time, which must not be in this line's past; then it starts a task that keeps the item's key.
    /// Arrivals at one time start in (source line, sequence) order, whatever order they were delivered in.
    /// </summary>
    public void Deliver(ItemShipment shipment)
    {
        ArgumentNullException.ThrowIfNull(shipment);
        if (_plant is null || shipment.DestinationLine != _plant.LineIndex)
        {
            throw new ArgumentException(
                $"Item {shipment.Item.Key} over link '{shipment.Link}' is for line {shipment.DestinationLine}; this is line '{SimId}' (index {PlantIndex}).",
                nameof(shipment));
        }

        if (!_linkTasks.ContainsKey(shipment.Link))
        {
            throw new ArgumentException(
                $"Line '{SimId}' has no task started by link '{shipment.Link}'. Links it receives from: {string.Join(", ", _linkTasks.Keys)}.",
                nameof(shipment));
        }

        if (!double.IsFinite(shipment.ArrivalTime) || shipment.ArrivalTime < Simulation.Now)
        {
            throw new ArgumentOutOfRangeException(nameof(shipment), shipment.ArrivalTime,
                $"Item {shipment.Item.Key} over link '{shipment.Link}' arrives at t={Simulation.FormatTime(shipment.ArrivalTime)}; line '{SimId}' is at t={Simulation.FormatTime(Simulation.Now)} and takes items arriving at a finite time from then on.");
        }

        if (_inbox.Accept(shipment))
        {
            ScheduleArrival(shipment);
        }
    }

    internal void StartProcesses()
    {
        CompileLinkTasks();
        foreach (var task in Model.Tasks)
        {
            if (task.Arrival is not null)
            {
                StartArrivals(task, null, false);
            }
        }

        foreach (var schedule in Model.Schedules)
        {
            // Releases before the line starts are not replayed.
            StartSchedule(schedule, schedule.FirstAtOrAfter(Simulation.Now), null);
        }

        if (Model.TelemetryInterval is not null)
        {
            StartTelemetry(null);
        }

        if (Simulation.Pacing.Factor > 0)
        {
            StartLagMonitor(LiveFrom);
        }

        if (Model.Scenario.Count > 0)
        {
            StartScenario(Model.Scenario, null);
        }

        StartCustomProcesses();
    }

    /// <summary>Compiles the tasks that items arriving over links start (before any item can arrive).</summary>
    internal void CompileLinkTasks()
    {
        foreach (var task in Model.Tasks)
        {
            if (task.FromLink is { } link)
            {
                _linkTasks.Add(link, new LinkTask(task.Name, CompileSteps(task), CompileSend(task)));
            }
        }
    }

    /// <summary>
    /// Starts the arrival process of <paramref name="task"/>. Restored from a snapshot, its first arrival comes at
    /// <paramref name="firstAt"/>, or it first waits for its rate to change (<paramref name="waitForChange"/>).
    /// </summary>
    internal void StartArrivals(TaskDefinition task, double? firstAt, bool waitForChange, bool ended = false) =>
        _arrivalProcesses.Add((task, Simulation.Process(ended ? [] : new ArrivalRun(this, task, firstAt, waitForChange), $"{SimId}.{task.Name}.arrivals")));

    /// <summary>
    /// Starts the process of <paramref name="schedule"/> at its release <paramref name="next"/> (in time order).
    /// Restored from an exact snapshot, it first waits until <paramref name="wakeAt"/> (that release's time), in the
    /// snapshot's order among the events due then.
    /// </summary>
    internal void StartSchedule(ReleaseSchedule schedule, int next, double? wakeAt)
    {
        var run = new ScheduleRun(schedule, next);
        run.Process = Simulation.Process(Releases(run, wakeAt), $"{SimId}.{schedule.Name}.schedule");
        _scheduleRuns.Add(run);
    }

    /// <summary>Starts the telemetry process; restored from a snapshot, its first sample is at <paramref name="firstAt"/>.</summary>
    internal void StartTelemetry(double? firstAt) =>
        TelemetryProcess = Simulation.Process(Telemetry(Model.TelemetryInterval!.Value, firstAt), $"{SimId}.telemetry");

    /// <summary>Starts the lag monitor; restored from a snapshot, its first sample is at <paramref name="firstAt"/>.</summary>
    internal void StartLagMonitor(double? firstAt) => LagProcess = Simulation.Process(LagMonitor(firstAt), $"{SimId}.lag-monitor");

    /// <summary>
    /// Starts the scenario process over <paramref name="changes"/> (time order); restored from a snapshot, it first
    /// wakes at <paramref name="wakeAt"/> and applies the first change then.
    /// </summary>
    internal void StartScenario(IReadOnlyList<ScenarioChange> changes, double? wakeAt)
    {
        _scenario = changes;
        _scenarioNext = 0;
        ScenarioProcess = Simulation.Process(Scenario(wakeAt), $"{SimId}.scenario");
    }

    /// <summary>Starts the model's hand-written processes.</summary>
    internal void StartCustomProcesses()
    {
        foreach (var custom in Model.Processes)
        {
            Simulation.Process(custom.Body(this), custom.Name);
        }
    }

    /// <summary>The compiled steps and send of <paramref name="task"/>, for a task restored from a snapshot.</summary>
    internal (CompiledStep[] Steps, CompiledSend? Send) Compile(TaskDefinition task) =>
        task.FromLink is { } link && _linkTasks.TryGetValue(link, out var compiled) ? (compiled.Steps, compiled.Send) : (CompileSteps(task), CompileSend(task));

    /// <summary>Starts a task restored from a snapshot on a recyclable process, as the line's own tasks run.</summary>
    internal void StartRestored(TaskRun run, string name) => run.Process = Simulation.StartRecyclable(run, name, _recycleTask);

    /// <summary>A task run of this line, to restore a task from a snapshot into.</summary>
    internal TaskRun NewTaskRun() => new(this);

    /// <summary>
    /// Starts each release of a schedule at its time: releases at one time start in the schedule's order, in one step
    /// of the process. The tasks are compiled once, so a release allocates no more than an arrival does.
    /// </summary>
    private IEnumerable<Event> Releases(ScheduleRun run, double? wakeAt)
    {
        var releases = run.Schedule.Releases;
        var compiled = new Dictionary<string, (CompiledStep[] Steps, CompiledSend? Send, string Prefix)>(StringComparer.Ordinal);
        foreach (var task in Model.Tasks)
        {
            if (task.FromLink is null)
            {
                compiled[task.Name] = (CompileSteps(task), CompileSend(task), task.KeyPrefix);
            }
        }

        if (wakeAt is { } at)
        {
            yield return Simulation.DelayUntil(at);
        }

        while (run.Next < releases.Count)
        {
            var release = releases[run.Next];
            if (release.Time > Simulation.Now)
            {
                yield return Simulation.DelayUntil(release.Time);
            }

            var (steps, send, prefix) = compiled[release.Task];
            var key = release.Key is { } given ? RecordKey.Of(given) : new RecordKey(prefix, _nextTaskNumber++);
            run.Next++;
            StartPooledTask(key, release.Attributes, steps, send, release.Task);
        }
    }

    private CompiledStep[] CompileSteps(TaskDefinition task)
    {
        var steps = new CompiledStep[task.Steps.Count];
        for (var i = 0; i < steps.Length; i++)
        {
            var step = task.Steps[i];
            var servicePath = $"{SimId}.service.{step.Service}";
            steps[i] = new CompiledStep(Resource(step.Resource), Registry.GetDistribution(servicePath), servicePath, step.HandOff, step.Priority);
        }

        return steps;
    }

    private CompiledSend? CompileSend(TaskDefinition task)
    {
        if (task.Sends.Count == 0)
        {
            return null;
        }

        return _plant is null
            ? throw new InvalidOperationException($"Task '{task.Name}' of line '{SimId}' sends over link '{task.Sends[0].Link}', so the line must run in a plant (PlantModel.StartLine).")
            : new CompiledSend(task.Sends, _plant);
    }

    private void ScheduleArrival(ItemShipment shipment)
    {
        var arrival = Simulation.Event();
        arrival.AddCallback(_onArrival);
        Simulation.ScheduleDelivery(arrival, shipment.ArrivalTime, shipment.SourceLine, shipment.Sequence, shipment);
    }

    private void OnArrival(Event ev)
    {
        var shipment = (ItemShipment)ev.Value!;
        if (_inbox.Arrived(shipment) is { } next)
        {
            ScheduleArrival(next);
        }

        var task = _linkTasks[shipment.Link];
        StartPooledTask(shipment.Item.Key, shipment.Item.Attributes, task.Steps, task.Send, task.Name);
    }

    /// <summary>Takes back a task's process and state machine once the task has ended.</summary>
    [MethodImpl(HotPath.Options)]
    private void RecycleTask(Process process) => _idleTasks.Push((TaskRun)process.Steps);

    /// <summary>
    /// Starts a task on a process and state machine that come back to this line once the task has ended: nobody else
    /// holds a task the line starts itself, so the next task reuses them and a task allocates nothing.
    /// </summary>
    [MethodImpl(HotPath.Options)]
    private void StartPooledTask(RecordKey key, IReadOnlyDictionary<string, object>? attributes, CompiledStep[] steps, CompiledSend? send, string name)
    {
        if (_idleTasks.TryPop(out var run))
        {
            run.Process!.Restart(run.Init(key, attributes, steps, send), name);
            return;
        }

        run = new TaskRun(this).Init(key, attributes, steps, send);
        run.Process = Simulation.StartRecyclable(run, name, _recycleTask);
    }

    private IEnumerable<Event> Telemetry(double interval, double? firstAt)
    {
        var probes = _resources.Values.Select(r => new ResourceProbe(r, SimId)).ToArray();
        if (firstAt is { } at)
        {
            yield return Simulation.DelayUntil(at);
        }

        while (true)
        {
            var now = Simulation.Now;
            foreach (var probe in probes)
            {
                var resource = probe.Resource;
                Sink.Publish(SimRecord.Telemetry(now, probe.CapacityPath, resource.Capacity));
                Sink.Publish(SimRecord.Telemetry(now, probe.InUsePath, resource.InUse));
                Sink.Publish(SimRecord.Telemetry(now, probe.QueueLengthPath, resource.QueueLength));
                Sink.Publish(SimRecord.Telemetry(now, probe.UtilizationPath, resource.Utilization));
            }

            yield return Simulation.Delay(interval);
        }
    }

    /// <summary>
    /// In a paced run, publishes <c>system.simulation.lag_seconds</c> (wall seconds behind the pacing target, rounded
    /// to milliseconds) every <see cref="LagMonitorInterval"/> simulated seconds, as dynamic-des does.
    /// </summary>
    private IEnumerable<Event> LagMonitor(double? firstAt)
    {
        if (firstAt is { } at)
        {
            yield return Simulation.DelayUntil(at);
        }

        while (true)
        {
            Sink.Publish(SimRecord.Telemetry(Simulation.Now, LagMetricPath, Math.Round(Simulation.LagSeconds, 3)));
            yield return Simulation.Delay(LagMonitorInterval);
        }
    }

    private IEnumerable<Event> Scenario(double? wakeAt)
    {
        if (wakeAt is { } at && _scenarioNext < _scenario.Count)
        {
            // Restored asleep: the original process slept until this change's time (as computed then) and applies it on waking.
            yield return Simulation.DelayUntil(at);
            var first = _scenario[_scenarioNext];
            Registry.Update(first.Path, first.Value);
            _scenarioNext++;
        }

        while (_scenarioNext < _scenario.Count)
        {
            var change = _scenario[_scenarioNext];
            if (change.At > Simulation.Now)
            {
                yield return Simulation.Delay(change.At - Simulation.Now);
            }

            Registry.Update(change.Path, change.Value);
            _scenarioNext++;
        }
    }

    private sealed record LinkTask(string Name, CompiledStep[] Steps, CompiledSend? Send);

    private sealed class ResourceProbe(DynamicResource resource, string simId)
    {
        public DynamicResource Resource { get; } = resource;

        public string CapacityPath { get; } = $"{simId}.{resource.Name}.capacity";

        public string InUsePath { get; } = $"{simId}.{resource.Name}.in_use";

        public string QueueLengthPath { get; } = $"{simId}.{resource.Name}.queue_length";

        public string UtilizationPath { get; } = $"{simId}.{resource.Name}.utilization";
    }
}
