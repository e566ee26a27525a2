using System.Globalization;
using ActorSim.Engine;
using ActorSim.Model.Distributions;
using ActorSim.Model.Parameters;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ActorSim.Model.Registry;

/// <summary>
/// Live parameters under dot paths: <c>&lt;sim_id&gt;.arrival|service.&lt;name&gt;.&lt;parameter&gt;</c>,
/// <c>&lt;sim_id&gt;.resources|containers|stores.&lt;name&gt;.current_cap|max_cap</c>, <c>&lt;sim_id&gt;.variables.&lt;name&gt;</c>,
/// and in a plant <c>&lt;sim_id&gt;.links.&lt;link&gt;.&lt;parameter&gt;</c> for the delays of the links a line sends over.
/// Updates are converted to the path's type when safe and checked against its rule. Model code uses
/// <see cref="Update"/>, which throws on refusal; updates from outside use <see cref="ApplyExternal"/>, which logs
/// and ignores. Updating to an equal value does nothing. Processes wait for changes with <see cref="WaitForChange"/>.
/// </summary>
public sealed class ParameterRegistry
{
    private readonly Dictionary<string, RegistryEntry> _entries = new(StringComparer.Ordinal);
    private readonly Dictionary<string, object> _configs = new(StringComparer.Ordinal);
    private readonly ILogger _logger;

    /// <summary>Creates an empty registry; <paramref name="simulation"/> is needed for <see cref="WaitForChange"/>.</summary>
    public ParameterRegistry(Simulation? simulation = null, ILogger? logger = null)
    {
        Simulation = simulation;
        _logger = logger ?? NullLogger.Instance;
    }

    /// <summary>The simulation whose processes wait on changes, if any.</summary>
    public Simulation? Simulation { get; }

    /// <summary>Every registered path.</summary>
    public IReadOnlyCollection<string> Paths => _entries.Keys;

    /// <summary>Flattens a line's parameters into paths. A path registered twice is an error.</summary>
    public void Register(SimParameter parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var sim = parameters.SimId;
        foreach (var (name, config) in parameters.Arrival)
        {
            PathNames.EnsureValid(name, "arrival name");
            RegisterDistribution($"{sim}.arrival.{name}", config);
        }

        foreach (var (name, config) in parameters.Service)
        {
            PathNames.EnsureValid(name, "service name");
            RegisterDistribution($"{sim}.service.{name}", config);
        }

        foreach (var (name, config) in parameters.Resources)
        {
            PathNames.EnsureValid(name, "resource name");
            RegisterCapacity($"{sim}.resources.{name}", config, ParameterType.Int);
        }

        foreach (var (name, config) in parameters.Containers)
        {
            PathNames.EnsureValid(name, "container name");
            RegisterCapacity($"{sim}.containers.{name}", config, ParameterType.Double);
        }

        foreach (var (name, config) in parameters.Stores)
        {
            PathNames.EnsureValid(name, "store name");
            RegisterCapacity($"{sim}.stores.{name}", config, ParameterType.Int);
        }

        foreach (var name in parameters.Variables.Keys.ToArray())
        {
            RegisterVariable(parameters, name);
        }
    }

    /// <summary>The paths changed while no process waited for their change, in ordinal order (for a snapshot).</summary>
    internal IReadOnlyList<string> PathsWithUnseenChange() =>
        _entries.Values.Where(e => e.Signal.HasUnseenChange).Select(e => e.Path).Order(StringComparer.Ordinal).ToArray();

    /// <summary>Forgets every change no process waited for (a snapshot's restore, after applying its values).</summary>
    internal void ClearUnseenChanges()
    {
        foreach (var entry in _entries.Values)
        {
            entry.Signal.HasUnseenChange = false;
        }
    }

    /// <summary>Marks a change of <paramref name="path"/> that no process waited for (a snapshot's restore).</summary>
    internal void MarkUnseenChange(string path) => Entry(path).Signal.HasUnseenChange = true;

    /// <summary>True if <paramref name="path"/> is registered.</summary>
    public bool Contains(string path) => _entries.ContainsKey(path);

    /// <summary>The type of a path's value.</summary>
    public ParameterType TypeOf(string path) => Entry(path).Type;

    /// <summary>The current value of a path (bool, long, double or string).</summary>
    public object Get(string path) => Entry(path).Read();

    /// <summary>The current value of a numeric path as a double.</summary>
    public double GetDouble(string path) => Convert.ToDouble(Entry(path).Read(), CultureInfo.InvariantCulture);

    /// <summary>
    /// The live configuration object under a prefix: a <see cref="DistributionConfig"/> for
    /// <c>&lt;sim&gt;.arrival|service.&lt;name&gt;</c>, a <see cref="CapacityConfig"/> for resources, containers and stores.
    /// </summary>
    public object GetConfig(string path) => _configs.TryGetValue(path, out var config)
        ? config
        : throw new RegistryException(path, $"No configuration is registered under '{path}'.{Suggest(path, _configs.Keys)}");

    /// <summary>The live distribution under <c>&lt;sim&gt;.arrival|service.&lt;name&gt;</c>.</summary>
    public DistributionConfig GetDistribution(string path) => GetConfig(path) as DistributionConfig
        ?? throw new RegistryException(path, $"'{path}' is a capacity, not a distribution.");

    /// <summary>The live capacity under <c>&lt;sim&gt;.resources|containers|stores.&lt;name&gt;</c>.</summary>
    public CapacityConfig GetCapacity(string path) => GetConfig(path) as CapacityConfig
        ?? throw new RegistryException(path, $"'{path}' is a distribution, not a capacity.");

    /// <summary>
    /// Sets a path from model code: converts the value when safe, checks the path's rule, and throws a
    /// <see cref="RegistryException"/> naming path, value and rule otherwise. Returns false when the value was equal.
    /// </summary>
    public bool Update(string path, object? value)
    {
        var entry = Entry(path);
        var problem = Prepare(entry, value, out var converted);
        if (problem is not null)
        {
            throw new RegistryException(path, problem);
        }

        return Commit(entry, converted, "model");
    }

    /// <summary>
    /// Applies an update from outside the model (a file, database or broker): an unknown path or a refused value is
    /// logged as a warning and ignored, and the run goes on.
    /// </summary>
    public RegistryUpdateOutcome ApplyExternal(string path, object? value, string source = "external")
    {
        if (!_entries.TryGetValue(path, out var entry))
        {
            RegistryLog.UpdateIgnored(_logger, source, $"unknown path '{path}'.{Suggest(path, _entries.Keys)}");
            return RegistryUpdateOutcome.UnknownPath;
        }

        var problem = Prepare(entry, value, out var converted);
        if (problem is not null)
        {
            RegistryLog.UpdateIgnored(_logger, source, problem);
            return RegistryUpdateOutcome.Refused;
        }

        return Commit(entry, converted, source) ? RegistryUpdateOutcome.Applied : RegistryUpdateOutcome.Unchanged;
    }

    /// <summary>
    /// An event that succeeds at the next change of <paramref name="path"/>. A change while nobody waits is kept, so
    /// the next wait returns at once; several changes before the waiters run wake them once. Read the new value
    /// from the registry.
    /// </summary>
    public Event WaitForChange(string path)
    {
        var entry = Entry(path);
        var simulation = Simulation ?? throw new InvalidOperationException(
            "WaitForChange needs a registry created with its Simulation.");
        return entry.Signal.Wait(simulation);
    }

    /// <summary>Calls <paramref name="observer"/> synchronously after every change of <paramref name="path"/>; dispose to stop.</summary>
    public IDisposable Subscribe(string path, Action<RegistryChange> observer)
    {
        ArgumentNullException.ThrowIfNull(observer);
        return Entry(path).Observe(observer);
    }

    private RegistryEntry Entry(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return _entries.TryGetValue(path, out var entry)
            ? entry
            : throw new RegistryException(path, $"Unknown registry path '{path}'.{Suggest(path, _entries.Keys)}");
    }

    private static string? Prepare(RegistryEntry entry, object? value, out object converted)
    {
        var conversion = ValueConversion.TryConvert(value, entry.Type, out converted);
        var rule = conversion ?? entry.Check(converted);
        return rule is null
            ? null
            : $"Update of '{entry.Path}' to {Show(value)} refused: {rule}.";
    }

    private bool Commit(RegistryEntry entry, object converted, string source)
    {
        var old = entry.Read();
        if (old.Equals(converted))
        {
            return false;
        }

        entry.Write(converted);
        var now = Simulation?.Now ?? double.NaN;
        RegistryLog.Changed(_logger, entry.Path, old, converted, now, source);
        entry.NotifyObservers(new RegistryChange(entry.Path, old, converted, now));
        if (Simulation is not null)
        {
            entry.Signal.Notify();
        }

        return true;
    }

    /// <summary>Registers a live distribution under <paramref name="prefix"/> (e.g. a link's delay, <c>&lt;sim&gt;.links.&lt;link&gt;</c>).</summary>
    public void RegisterDistribution(string prefix, DistributionConfig config)
    {
        ArgumentNullException.ThrowIfNull(config, prefix);
        AddConfig(prefix, config);
        foreach (var parameter in config.ParameterNames)
        {
            Add(new RegistryEntry(
                $"{prefix}.{parameter}",
                ParameterType.Double,
                () => config.Get(parameter),
                v => config.Validate(parameter, (double)v),
                v => config.Set(parameter, (double)v)));
        }
    }

    private void RegisterCapacity(string prefix, CapacityConfig config, ParameterType type)
    {
        ArgumentNullException.ThrowIfNull(config, prefix);
        if (type == ParameterType.Int && (!IsWhole(config.CurrentCap) || !IsWhole(config.MaxCap)))
        {
            throw new ArgumentException($"'{prefix}' needs whole capacities; {config} was given.");
        }

        AddConfig(prefix, config);
        object Box(double v) => type == ParameterType.Int ? (object)(long)v : v;
        double Unbox(object v) => Convert.ToDouble(v, CultureInfo.InvariantCulture);
        Add(new RegistryEntry(
            $"{prefix}.current_cap",
            type,
            () => Box(config.CurrentCap),
            v => CapacityConfig.Check(Unbox(v), config.MaxCap),
            v => config.CurrentCap = Unbox(v)));
        Add(new RegistryEntry(
            $"{prefix}.max_cap",
            type,
            () => Box(config.MaxCap),
            v => Unbox(v) < config.CurrentCap
                ? $"max_cap must not fall below current_cap ({config.CurrentCap}); lower current_cap first"
                : CapacityConfig.Check(config.CurrentCap, Unbox(v)),
            v => config.MaxCap = Unbox(v)));
    }

    private void RegisterVariable(SimParameter parameters, string name)
    {
        PathNames.EnsureValid(name, "variable name");
        var path = $"{parameters.SimId}.variables.{name}";
        var initial = parameters.Variables[name] ?? throw new ArgumentException($"Variable '{path}' has no value.");
        var type = ValueConversion.TypeOfVariable(path, initial);
        var problem = ValueConversion.TryConvert(initial, type, out var value);
        if (problem is not null)
        {
            throw new ArgumentException($"Variable '{path}': {problem}.");
        }

        parameters.Variables[name] = value;
        Add(new RegistryEntry(path, type, () => parameters.Variables[name], _ => null, v => parameters.Variables[name] = v));
    }

    private void AddConfig(string prefix, object config)
    {
        if (!_configs.TryAdd(prefix, config))
        {
            throw new ArgumentException($"'{prefix}' is registered twice.");
        }
    }

    private void Add(RegistryEntry entry)
    {
        if (!_entries.TryAdd(entry.Path, entry))
        {
            throw new ArgumentException($"The registry path '{entry.Path}' is registered twice.");
        }
    }

    private static bool IsWhole(double value) => Math.Floor(value) == value;

    private static string Show(object? value) => value switch
    {
        null => "null",
        string s => $"\"{s}\"",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? value.GetType().Name,
    };

    private static string Suggest(string path, IEnumerable<string> known)
    {
        var best = known
            .Select(k => (Path: k, Distance: Text.EditDistance.Between(path, k)))
            .Where(c => c.Distance <= Math.Max(3, path.Length / 4))
            .OrderBy(c => c.Distance).ThenBy(c => c.Path, StringComparer.Ordinal)
            .Select(c => c.Path)
            .FirstOrDefault();
        return best is null ? string.Empty : $" Did you mean '{best}'?";
    }
}
