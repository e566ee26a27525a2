using ActorSim.Engine;
using ActorSim.Engine.Resources;
using ActorSim.Model.Registry;

namespace ActorSim.Model.Resources;

/// <summary>
/// A FIFO store whose capacity follows <c>&lt;sim_id&gt;.stores.&lt;name&gt;.current_cap</c>. Growing it lets waiting
/// puts in at once; shrinking it below the number of items keeps them and blocks puts until enough are taken out.
/// </summary>
/// <typeparam name="T">The item type.</typeparam>
public sealed class DynamicStore<T> : Store<T>, IDisposable
{
    private readonly IDisposable _subscription;

    /// <summary>Binds a store to the capacity registered under <c>&lt;simId&gt;.stores.&lt;name&gt;</c>.</summary>
    public DynamicStore(Simulation simulation, ParameterRegistry registry, string simId, string name)
        : base(simulation, Math.Max(1, (int)registry.GetCapacity($"{simId}.stores.{name}").CurrentCap), name)
    {
        Path = $"{simId}.stores.{name}";
        var capacity = registry.GetCapacity(Path);
        SetCapacity((int)capacity.CurrentCap);
        _subscription = registry.Subscribe($"{Path}.current_cap", _ => SetCapacity((int)capacity.CurrentCap));
    }

    /// <summary>The registry prefix, <c>&lt;sim_id&gt;.stores.&lt;name&gt;</c>.</summary>
    public string Path { get; }

    /// <summary>Stops following the registry.</summary>
    public void Dispose() => _subscription.Dispose();
}
