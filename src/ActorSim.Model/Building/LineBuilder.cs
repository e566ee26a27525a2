using ActorSim.Model.Distributions;
using ActorSim.Model.Parameters;
using ActorSim.Model.Time;

namespace ActorSim.Model.Building;

/// <summary>
/// The declarative way to write a line: resources, containers, stores, arrivals, services, variables, tasks
/// with their steps, periodic telemetry, scheduled registry changes and custom processes.
/// <see cref="Build"/> checks every reference and returns an immutable <see cref="LineModel"/>.
/// </summary>
/// <example><code>
/// var model = new LineBuilder("Line_A")
///     .AddArrival("standard", DistributionConfig.Exponential(2.0))
///     .AddService("milling", DistributionConfig.Normal(2.0, 0.2))
///     .AddResource("lathe", currentCap: 4, maxCap: 10)
///     .AddTask("part", arrival: "standard", steps => steps.Step("lathe", "milling"))
///     .AddTelemetry(intervalSeconds: 60)
///     .Build();
/// </code></example>
public sealed class LineBuilder
{
    private readonly SimParameter _parameters;
    private readonly List<TaskDefinition> _tasks = [];
    private readonly List<ScenarioChange> _scenario = [];
    private readonly List<CustomProcess> _processes = [];
    private readonly List<ReleaseSchedule> _schedules = [];
    private readonly Dictionary<string, double> _containerLevels = new(StringComparer.Ordinal);
    private double? _telemetryInterval;

    /// <summary>Starts a line named <paramref name="simId"/> (the first segment of its registry paths).</summary>
    public LineBuilder(string simId) => _parameters = new SimParameter(simId);

    /// <summary>Adds an arrival distribution (<c>&lt;sim_id&gt;.arrival.&lt;name&gt;</c>).</summary>
    public LineBuilder AddArrival(string name, DistributionConfig distribution) =>
        Add(_parameters.Arrival, name, distribution, "arrival");

    /// <summary>Adds a service distribution (<c>&lt;sim_id&gt;.service.&lt;name&gt;</c>).</summary>
    public LineBuilder AddService(string name, DistributionConfig distribution) =>
        Add(_parameters.Service, name, distribution, "service");

    /// <summary>Adds a dynamic resource of <paramref name="currentCap"/> units that may grow to <paramref name="maxCap"/> (default: current).</summary>
    public LineBuilder AddResource(string name, int currentCap, int? maxCap = null) =>
        Add(_parameters.Resources, name, new CapacityConfig(currentCap, maxCap ?? currentCap), "resource");

    /// <summary>Adds a dynamic container (continuous level) starting at <paramref name="initialLevel"/>.</summary>
    public LineBuilder AddContainer(string name, double currentCap, double? maxCap = null, double initialLevel = 0)
    {
        Add(_parameters.Containers, name, new CapacityConfig(currentCap, maxCap ?? currentCap), "container");
        if (!(initialLevel >= 0) || initialLevel > currentCap)
        {
            throw new ArgumentOutOfRangeException(nameof(initialLevel), initialLevel,
                $"Container '{name}' needs an initial level in [0, current_cap] = [0, {currentCap}].");
        }

        _containerLevels[name] = initialLevel;
        return this;
    }

    /// <summary>Adds a dynamic store holding up to <paramref name="currentCap"/> items.</summary>
    public LineBuilder AddStore(string name, int currentCap, int? maxCap = null) =>
        Add(_parameters.Stores, name, new CapacityConfig(currentCap, maxCap ?? currentCap), "store");

    /// <summary>Adds a free variable (bool, int, long, double or string) under <c>&lt;sim_id&gt;.variables.&lt;name&gt;</c>.</summary>
    public LineBuilder AddVariable(string name, object value) => Add(_parameters.Variables, name, value, "variable");

    /// <summary>
    /// Adds a kind of task created by the arrival stream <paramref name="arrival"/>; each task emits
    /// <c>queued</c>, acquires the step's resource, emits <c>started</c>, holds it for a service draw, emits
    /// <c>finished</c> and releases it, for every step, under the key <c>task-&lt;n&gt;</c>; then it may send its
    /// item over a link (<see cref="TaskStepsBuilder.SendTo"/>).
    /// </summary>
    public LineBuilder AddTask(string name, string arrival, Action<TaskStepsBuilder> steps, string keyPrefix = "task-") =>
        AddTaskCore(name, arrival, fromLink: null, steps, keyPrefix);

    /// <summary>
    /// Adds a kind of task started by each item arriving over <paramref name="link"/> (a link of the plant that
    /// targets this line): the task keeps the item's key and goes through its steps as an arrival's task does.
    /// </summary>
    public LineBuilder AddTaskFromLink(string name, string link, Action<TaskStepsBuilder> steps)
    {
        PathNames.EnsureValid(link, "link name");
        var other = _tasks.Find(t => t.FromLink == link);
        if (other is not null)
        {
            throw new ArgumentException($"Tasks '{other.Name}' and '{name}' of line '{_parameters.SimId}' both start from link '{link}'; one task kind per link.");
        }

        return AddTaskCore(name, arrival: null, link, steps, keyPrefix: string.Empty);
    }

    /// <summary>
    /// Adds a kind of task started only by the releases of a production schedule (<see cref="AddSchedule"/>), keyed
    /// <c>&lt;prefix&gt;&lt;n&gt;</c> unless a release gives its key.
    /// </summary>
    public LineBuilder AddScheduledTask(string name, Action<TaskStepsBuilder> steps, string keyPrefix = "task-") =>
        AddTaskCore(name, arrival: null, fromLink: null, steps, keyPrefix);

    /// <summary>
    /// Adds a production schedule: an arrival process that starts, at each release's time, a task of the release's kind
    /// (any task of the line but one started by a link). <see cref="Build"/> checks the task names and the keys.
    /// </summary>
    public LineBuilder AddSchedule(ReleaseSchedule schedule)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        if (_schedules.Exists(s => s.Name == schedule.Name))
        {
            throw new ArgumentException($"The schedule '{schedule.Name}' is defined twice in line '{_parameters.SimId}'.");
        }

        _schedules.Add(schedule);
        return this;
    }

    /// <summary>Publishes capacity, in_use, queue_length and utilization (%) of every resource each interval, from time 0.</summary>
    public LineBuilder AddTelemetry(double intervalSeconds)
    {
        if (!(intervalSeconds > 0) || double.IsInfinity(intervalSeconds))
        {
            throw new ArgumentOutOfRangeException(nameof(intervalSeconds), intervalSeconds, "The telemetry interval must be a positive number of seconds.");
        }

        _telemetryInterval = intervalSeconds;
        return this;
    }

    /// <summary>Publishes telemetry every <paramref name="interval"/> (e.g. <c>"60 s"</c>, <c>"PT1M"</c>).</summary>
    public LineBuilder AddTelemetry(string interval) => AddTelemetry(Durations.ParseSeconds(interval));

    /// <summary>Sets <paramref name="path"/> to <paramref name="value"/> at simulated time <paramref name="at"/>; checked by <see cref="Build"/>.</summary>
    public LineBuilder AddScenarioChange(double at, string path, object value)
    {
        if (!(at >= 0) || double.IsInfinity(at))
        {
            throw new ArgumentOutOfRangeException(nameof(at), at, $"The scenario change of '{path}' needs a time of zero or more seconds.");
        }

        _scenario.Add(new ScenarioChange(at, path, value));
        return this;
    }

    /// <summary>Adds a process written by hand; it starts with the line and gets the running <see cref="Line"/>.</summary>
    public LineBuilder AddProcess(string name, Func<Line, IEnumerable<ActorSim.Engine.Event>> body)
    {
        PathNames.EnsureValid(name, "process name");
        ArgumentNullException.ThrowIfNull(body);
        _processes.Add(new CustomProcess(name, body));
        return this;
    }

    /// <summary>Checks every reference (arrivals, services, resources, scenario paths and values) and freezes the model.</summary>
    public LineModel Build() => LineModel.Create(_parameters, _tasks, _scenario, _processes, _containerLevels, _telemetryInterval, _schedules);

    private LineBuilder AddTaskCore(string name, string? arrival, string? fromLink, Action<TaskStepsBuilder> steps, string keyPrefix)
    {
        PathNames.EnsureValid(name, "task name");
        ArgumentNullException.ThrowIfNull(steps);
        var builder = new TaskStepsBuilder();
        steps(builder);
        if (builder.Steps.Count == 0)
        {
            throw new ArgumentException($"Task '{name}' needs at least one step.");
        }

        if (_tasks.Exists(t => t.Name == name))
        {
            throw new ArgumentException($"Task '{name}' is defined twice in line '{_parameters.SimId}'.");
        }

        _tasks.Add(new TaskDefinition(name, arrival, builder.Steps.ToArray(), keyPrefix) { FromLink = fromLink, Sends = builder.Sends });
        return this;
    }

    private LineBuilder Add<T>(Dictionary<string, T> section, string name, T value, string what)
    {
        PathNames.EnsureValid(name, $"{what} name");
        ArgumentNullException.ThrowIfNull(value, name);
        if (!section.TryAdd(name, value))
        {
            throw new ArgumentException($"The {what} '{name}' is defined twice in line '{_parameters.SimId}'.");
        }

        return this;
    }
}
