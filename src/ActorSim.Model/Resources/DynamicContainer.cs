using ActorSim.Engine;
using ActorSim.Engine.Resources;
using ActorSim.Model.Registry;

namespace ActorSim.Model.Resources;

/// <summary>
/// A container (continuous level) whose capacity follows <c>&lt;sim_id&gt;.containers.&lt;name&gt;.current_cap</c>.
/// Growing it lets waiting puts in at once; shrinking it below the level keeps the contents and blocks puts until
/// enough is taken out.
/// </summary>
public sealed class DynamicContainer : Container, IDisposable
{
    private readonly IDisposable _subscription;

    /// <summary>Binds a container to the capacity registered under <c>&lt;simId&gt;.containers.&lt;name&gt;</c>.</summary>
    public DynamicContainer(Simulation simulation, ParameterRegistry registry, string simId, string name, double initialLevel = 0)
        : base(simulation, Startable(registry.GetCapacity($"{simId}.containers.{name}").CurrentCap, initialLevel), initialLevel, name)
    {
        Path = $"{simId}.containers.{name}";
        var capacity = registry.GetCapacity(Path);
        SetCapacity(capacity.CurrentCap);
        _subscription = registry.Subscribe($"{Path}.current_cap", _ => SetCapacity(capacity.CurrentCap));
    }

    /// <summary>The registry prefix, <c>&lt;sim_id&gt;.containers.&lt;name&gt;</c>.</summary>
    public string Path { get; }

    /// <summary>Stops following the registry.</summary>
    public void Dispose() => _subscription.Dispose();

    // The engine's constructor needs room for the initial level; a capacity of 0 is applied right after.
    private static double Startable(double capacity, double initialLevel) => Math.Max(Math.Max(capacity, initialLevel), double.Epsilon);
}
