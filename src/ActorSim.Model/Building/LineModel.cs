using ActorSim.Engine;
using ActorSim.Model.Parameters;
using ActorSim.Model.Plants.Internal;
using ActorSim.Model.Random;
using ActorSim.Model.Records;
using ActorSim.Model.Registry;
using Microsoft.Extensions.Logging;

namespace ActorSim.Model.Building;

/// <summary>
/// A checked, immutable description of a line, built by <see cref="LineBuilder"/> (or a blueprint).
/// <see cref="Start"/> instantiates it in a simulation with fresh live parameters, so one model serves any
/// number of runs and replications.
/// </summary>
public sealed class LineModel
{
    private readonly SimParameter _parameters;
    private readonly IReadOnlyDictionary<string, double> _containerLevels;

    private LineModel(
        SimParameter parameters,
        IReadOnlyList<TaskDefinition> tasks,
        IReadOnlyList<ScenarioChange> scenario,
        IReadOnlyList<CustomProcess> processes,
        IReadOnlyDictionary<string, double> containerLevels,
        double? telemetryInterval,
        IReadOnlyList<ReleaseSchedule> schedules)
    {
        _parameters = parameters;
        Schedules = schedules;
        Tasks = tasks;
        Scenario = scenario;
        Processes = processes;
        _containerLevels = containerLevels;
        TelemetryInterval = telemetryInterval;
    }

    /// <summary>The line's id.</summary>
    public string SimId => _parameters.SimId;

    /// <summary>The kinds of task, in the order they were added.</summary>
    public IReadOnlyList<TaskDefinition> Tasks { get; }

    /// <summary>Registry changes at given times, in time order.</summary>
    public IReadOnlyList<ScenarioChange> Scenario { get; }

    /// <summary>The production schedules, each an arrival process of explicit releases, in the order they were added.</summary>
    public IReadOnlyList<ReleaseSchedule> Schedules { get; }

    /// <summary>Hand-written processes.</summary>
    public IReadOnlyList<CustomProcess> Processes { get; }

    /// <summary>The telemetry interval in seconds, or null for none.</summary>
    public double? TelemetryInterval { get; }

    /// <summary>The links the line's tasks send items over, in first-use order.</summary>
    public IReadOnlyList<string> OutboundLinks => Tasks.SelectMany(t => t.Sends).Select(c => c.Link).Distinct(StringComparer.Ordinal).ToArray();

    /// <summary>The links whose arriving items start the line's tasks, in task order.</summary>
    public IReadOnlyList<string> InboundLinks => Tasks.Where(t => t.FromLink is not null).Select(t => t.FromLink!).ToArray();

    /// <summary>The names of the line's resources, in the order they were added.</summary>
    public IReadOnlyCollection<string> ResourceNames => _parameters.Resources.Keys;

    /// <summary>The names of the line's containers.</summary>
    public IReadOnlyCollection<string> ContainerNames => _parameters.Containers.Keys;

    /// <summary>The names of the line's stores.</summary>
    public IReadOnlyCollection<string> StoreNames => _parameters.Stores.Keys;

    /// <summary>The initial level of a container.</summary>
    public double InitialLevel(string container) => _containerLevels.TryGetValue(container, out var level) ? level : 0;

    /// <summary>A fresh copy of the line's parameters (live objects for one run).</summary>
    public SimParameter CreateParameters()
    {
        var copy = new SimParameter(_parameters.SimId);
        foreach (var (name, d) in _parameters.Arrival)
        {
            copy.Arrival[name] = d.Clone();
        }

        foreach (var (name, d) in _parameters.Service)
        {
            copy.Service[name] = d.Clone();
        }

        foreach (var (name, c) in _parameters.Resources)
        {
            copy.Resources[name] = new CapacityConfig(c.CurrentCap, c.MaxCap);
        }

        foreach (var (name, c) in _parameters.Containers)
        {
            copy.Containers[name] = new CapacityConfig(c.CurrentCap, c.MaxCap);
        }

        foreach (var (name, c) in _parameters.Stores)
        {
            copy.Stores[name] = new CapacityConfig(c.CurrentCap, c.MaxCap);
        }

        foreach (var (name, v) in _parameters.Variables)
        {
            copy.Variables[name] = v;
        }

        return copy;
    }

    /// <summary>
    /// Instantiates the line in <paramref name="simulation"/>: registers its parameters in a new registry (or
    /// <paramref name="registry"/>), creates its resources and starts its processes. Records go to <paramref name="sink"/>;
    /// draws come from <paramref name="stream"/>.
    /// </summary>
    public Line Start(Simulation simulation, IRecordSink sink, RandomStream stream, ParameterRegistry? registry = null, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(simulation);
        ArgumentNullException.ThrowIfNull(sink);
        ArgumentNullException.ThrowIfNull(stream);
        if (OutboundLinks.Count > 0)
        {
            throw new InvalidOperationException(
                $"Line '{SimId}' sends items over links ({string.Join(", ", OutboundLinks)}); start it in a plant (PlantModel.StartLine).");
        }

        registry ??= new ParameterRegistry(simulation, logger);
        registry.Register(CreateParameters());
        var line = new Line(this, simulation, registry, sink, stream);
        line.StartProcesses();
        return line;
    }

    /// <summary>
    /// Instantiates the line in <paramref name="simulation"/> in the state <paramref name="state"/> of a snapshot of
    /// <paramref name="kind"/> taken at <see cref="Simulation.Now"/>: its parameters over the model's, its resources,
    /// tasks and processes. An exact snapshot's random stream goes on; otherwise draws come from <paramref name="stream"/>.
    /// Check the snapshot first (<see cref="Snapshots.SnapshotValidator"/>): a value the registry refuses is a
    /// <see cref="Snapshots.SnapshotException"/> naming its path.
    /// </summary>
    public Line Resume(Simulation simulation, IRecordSink sink, Snapshots.LineSnapshot state, Snapshots.SnapshotKind kind, RandomStream stream, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(simulation);
        ArgumentNullException.ThrowIfNull(sink);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(stream);
        if (OutboundLinks.Count > 0)
        {
            throw new InvalidOperationException(
                $"Line '{SimId}' sends items over links ({string.Join(", ", OutboundLinks)}); resume it in a plant.");
        }

        var registry = new ParameterRegistry(simulation, logger);
        registry.Register(CreateParameters());
        return ResumeInPlant(simulation, sink, stream, registry, null, state, kind, "lines[0]", kind);
    }

    /// <summary>
    /// Resume's work, in a plant or not: <paramref name="registry"/> holds the model's values (and link delays).
    /// <paramref name="streams"/> says whose random streams go on (an exact snapshot's own, or — observed — the run's);
    /// <paramref name="kind"/> is the snapshot's, whose times (finish, wake-ups) are kept either way.
    /// </summary>
    internal Line ResumeInPlant(
        Simulation simulation, IRecordSink sink, RandomStream stream, ParameterRegistry registry, PlantLineContext? plant, Snapshots.LineSnapshot state,
        Snapshots.SnapshotKind streams, string at, Snapshots.SnapshotKind kind)
    {
        Snapshots.SnapshotState.ApplyParameters(registry, state, at);
        var levels = state.Containers.ToDictionary(c => c.Name, c => c.Level, StringComparer.Ordinal);
        var line = new Line(this, simulation, registry, sink, Snapshots.SnapshotState.StreamFor(state, streams, stream), plant, levels);
        Snapshots.SnapshotState.ApplyRandom(line, state, streams);
        line.RestoreItemsSent(state.ItemsSent);
        LineStateRestore.Restore(line, state, kind);
        return line;
    }

    /// <summary>Instantiates the line in a plant: <paramref name="registry"/> already holds its parameters and link delays.</summary>
    internal Line StartInPlant(Simulation simulation, IRecordSink sink, RandomStream stream, ParameterRegistry registry, PlantLineContext plant)
    {
        var line = new Line(this, simulation, registry, sink, stream, plant);
        line.StartProcesses();
        return line;
    }

    internal static LineModel Create(
        SimParameter parameters,
        IReadOnlyList<TaskDefinition> tasks,
        IReadOnlyList<ScenarioChange> scenario,
        IReadOnlyList<CustomProcess> processes,
        IReadOnlyDictionary<string, double> containerLevels,
        double? telemetryInterval,
        IReadOnlyList<ReleaseSchedule>? schedules = null)
    {
        var sim = parameters.SimId;
        schedules ??= [];
        var released = CheckSchedules(sim, tasks, schedules);
        foreach (var task in tasks)
        {
            if (task.FromLink is null && task.Arrival is null)
            {
                if (!released.Contains(task.Name))
                {
                    throw new ArgumentException(
                        $"Task '{task.Name}' of line '{sim}' has no arrival, no link and no release in a schedule: nothing would ever start it.");
                }
            }
            else if (task.FromLink is null)
            {
                Require(task.Arrival is not null && parameters.Arrival.ContainsKey(task.Arrival), $"Task '{task.Name}' of line '{sim}' uses the arrival '{task.Arrival}', which is not defined.", parameters.Arrival.Keys);
            }

            foreach (var step in task.Steps)
            {
                Require(parameters.Resources.ContainsKey(step.Resource), $"Task '{task.Name}' of line '{sim}' uses the resource '{step.Resource}', which is not defined.", parameters.Resources.Keys);
                Require(parameters.Service.ContainsKey(step.Service), $"Task '{task.Name}' of line '{sim}' uses the service '{step.Service}', which is not defined.", parameters.Service.Keys);
            }
        }

        var model = new LineModel(
            parameters,
            tasks.ToArray(),
            scenario.OrderBy(c => c.At).ToArray(),
            processes.ToArray(),
            new Dictionary<string, double>(containerLevels, StringComparer.Ordinal),
            telemetryInterval,
            schedules.ToArray());
        model.CheckScenario();
        return model;
    }

    /// <summary>
    /// Checks that every release names a task of the line that no link starts, and that no explicit key is given twice
    /// in the line; returns the names of the tasks released.
    /// </summary>
    private static HashSet<string> CheckSchedules(string sim, IReadOnlyList<TaskDefinition> tasks, IReadOnlyList<ReleaseSchedule> schedules)
    {
        var byName = tasks.ToDictionary(t => t.Name, StringComparer.Ordinal);
        var released = new HashSet<string>(StringComparer.Ordinal);
        var keys = new Dictionary<string, (ReleaseSchedule Schedule, Release Release)>(StringComparer.Ordinal);
        foreach (var schedule in schedules)
        {
            foreach (var release in schedule.Releases)
            {
                if (!byName.TryGetValue(release.Task, out var task))
                {
                    Require(false, $"{schedule.Describe(release)} in line '{sim}': the task '{release.Task}' is not defined.", byName.Keys);
                }
                else if (task.FromLink is not null)
                {
                    throw new ArgumentException(
                        $"{schedule.Describe(release)} in line '{sim}': the task '{release.Task}' starts from link '{task.FromLink}' and keeps the item's key; a schedule releases tasks with an arrival or none.");
                }

                released.Add(release.Task);
                if (release.Key is { } key && !keys.TryAdd(key, (schedule, release)))
                {
                    var (other, first) = keys[key];
                    throw new ArgumentException($"{schedule.Describe(release)} in line '{sim}': its key '{key}' is already the key of the release of {other.Describe(first)}; explicit keys must be unique in a line.");
                }
            }
        }

        return released;
    }

    private void CheckScenario()
    {
        if (Scenario.Count == 0)
        {
            return;
        }

        // Apply every change, in time order, to a scratch registry: unknown paths and refused values fail here, before any run.
        var scratch = new ParameterRegistry();
        scratch.Register(CreateParameters());
        foreach (var change in Scenario)
        {
            try
            {
                scratch.Update(change.Path, change.Value);
            }
            catch (RegistryException e)
            {
                throw new ArgumentException($"Scenario change at t={change.At} s: {e.Message}", e);
            }
        }
    }

    private static void Require(bool condition, string message, IEnumerable<string> known)
    {
        if (!condition)
        {
            var names = string.Join(", ", known.Order(StringComparer.Ordinal));
            throw new ArgumentException($"{message} Defined: {(names.Length == 0 ? "none" : names)}.");
        }
    }
}
