using ActorSim.Engine;
using ActorSim.Model.Distributions;
using ActorSim.Model.Random;
using ActorSim.Model.Records;
using ActorSim.Model.Registry;
using ActorSim.Model.Resources;

namespace ActorSim.Model.Building;

/// <summary>
/// A line running in a simulation: its registry, resources, sampler and record sink, and the processes of its
/// tasks, telemetry and scenario. Hand-written processes use it to reach all of these.
/// </summary>
public sealed class Line
{
    private const string Queued = "queued";
    private const string Started = "started";
    private const string Finished = "finished";

    private readonly Dictionary<string, DynamicResource> _resources = new(StringComparer.Ordinal);
    private long _nextTaskNumber;

    internal Line(LineModel model, Simulation simulation, ParameterRegistry registry, IRecordSink sink, RandomStream stream)
    {
        Model = model;
        Simulation = simulation;
        Registry = registry;
        Sink = sink;
        Sampler = new Sampler(stream);
        foreach (var path in registry.Paths)
        {
            var prefix = $"{model.SimId}.resources.";
            if (path.StartsWith(prefix, StringComparison.Ordinal) && path.EndsWith(".current_cap", StringComparison.Ordinal))
            {
                var name = path[prefix.Length..^".current_cap".Length];
                _resources.Add(name, new DynamicResource(simulation, registry, model.SimId, name));
            }
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

    /// <summary>The line's dynamic resources by name.</summary>
    public IReadOnlyDictionary<string, DynamicResource> Resources => _resources;

    /// <summary>Tasks created so far.</summary>
    public long TasksCreated => _nextTaskNumber;

    /// <summary>The resource <paramref name="name"/>; throws naming the known ones if it does not exist.</summary>
    public DynamicResource Resource(string name) => _resources.TryGetValue(name, out var resource)
        ? resource
        : throw new KeyNotFoundException($"Line '{SimId}' has no resource '{name}'. Resources: {string.Join(", ", _resources.Keys)}.");

    /// <summary>Publishes an event with a custom value (dynamic-des's <c>publish_event</c>).</summary>
    public void PublishEvent(RecordKey key, object? value) => Sink.Publish(SimRecord.Event(Simulation.Now, key, value));

    /// <summary>Publishes a numeric telemetry sample under <c>&lt;sim_id&gt;.&lt;name&gt;</c>.</summary>
    public void PublishTelemetry(string name, double value) => Sink.Publish(SimRecord.Telemetry(Simulation.Now, $"{SimId}.{name}", value));

    /// <summary>Starts one task of kind <paramref name="task"/> now (what the arrival stream does).</summary>
    public Process StartTask(TaskDefinition task)
    {
        ArgumentNullException.ThrowIfNull(task);
        return Simulation.Process(RunTask(new RecordKey(task.KeyPrefix, _nextTaskNumber++), CompileSteps(task)), task.Name);
    }

    internal void StartProcesses()
    {
        foreach (var task in Model.Tasks)
        {
            Simulation.Process(Arrivals(task), $"{SimId}.{task.Name}.arrivals");
        }

        if (Model.TelemetryInterval is { } interval)
        {
            Simulation.Process(Telemetry(interval), $"{SimId}.telemetry");
        }

        if (Model.Scenario.Count > 0)
        {
            Simulation.Process(Scenario(), $"{SimId}.scenario");
        }

        foreach (var custom in Model.Processes)
        {
            Simulation.Process(custom.Body(this), custom.Name);
        }
    }

    private IEnumerable<Event> Arrivals(TaskDefinition task)
    {
        var arrivalPath = $"{SimId}.arrival.{task.Arrival}";
        var arrival = Registry.GetDistribution(arrivalPath);
        var steps = CompileSteps(task);

        var wakePath = arrival.ParameterNames.Count > 0 ? $"{arrivalPath}.{arrival.ParameterNames[0]}" : null;
        while (true)
        {
            var delay = Sampler.Sample(arrival);
            if (double.IsPositiveInfinity(delay))
            {
                if (wakePath is null)
                {
                    yield break;
                }

                // A rate of 0 means no arrivals until the parameter changes.
                yield return Registry.WaitForChange(wakePath);
                continue;
            }

            yield return Simulation.Timeout(delay);
            Simulation.Process(RunTask(new RecordKey(task.KeyPrefix, _nextTaskNumber++), steps), task.Name);
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

    private IEnumerable<Event> RunTask(RecordKey key, CompiledStep[] steps)
    {
        DynamicRequest? held = null;
        try
        {
            for (var i = 0; i < steps.Length; i++)
            {
                var step = steps[i];
                Sink.Publish(SimRecord.Lifecycle(Simulation.Now, key, step.ServicePath, Queued));
                var request = step.Resource.Request(step.Priority);
                yield return request;

                // A hand-off keeps the previous step's resource until this one is granted.
                held?.Dispose();
                held = request;
                Sink.Publish(SimRecord.Lifecycle(Simulation.Now, key, step.ServicePath, Started));
                yield return Simulation.Timeout(Sampler.Sample(step.Service));
                Sink.Publish(SimRecord.Lifecycle(Simulation.Now, key, step.ServicePath, Finished));
                var nextHandsOff = i + 1 < steps.Length && steps[i + 1].HandOff;
                if (!nextHandsOff)
                {
                    held.Dispose();
                    held = null;
                }
            }
        }
        finally
        {
            held?.Dispose();
        }
    }

    private IEnumerable<Event> Telemetry(double interval)
    {
        var probes = _resources.Values.Select(r => new ResourceProbe(r, SimId)).ToArray();
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

            yield return Simulation.Timeout(interval);
        }
    }

    private IEnumerable<Event> Scenario()
    {
        foreach (var change in Model.Scenario)
        {
            if (change.At > Simulation.Now)
            {
                yield return Simulation.Timeout(change.At - Simulation.Now);
            }

            Registry.Update(change.Path, change.Value);
        }
    }

    private sealed record CompiledStep(DynamicResource Resource, DistributionConfig Service, string ServicePath, bool HandOff, int Priority);

    private sealed class ResourceProbe(DynamicResource resource, string simId)
    {
        public DynamicResource Resource { get; } = resource;

        public string CapacityPath { get; } = $"{simId}.{resource.Name}.capacity";

        public string InUsePath { get; } = $"{simId}.{resource.Name}.in_use";

        public string QueueLengthPath { get; } = $"{simId}.{resource.Name}.queue_length";

        public string UtilizationPath { get; } = $"{simId}.{resource.Name}.utilization";
    }
}
