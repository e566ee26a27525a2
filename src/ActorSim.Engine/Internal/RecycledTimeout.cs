using System.Runtime.CompilerServices;
namespace ActorSim.Engine.Internal;

/// <summary>
/// A timeout from <see cref="Simulation.Delay"/>'s pool: once processed (its callbacks ran) it goes back to the pool
/// and a later <see cref="Simulation.Delay"/> reuses it.
/// </summary>
internal sealed class RecycledTimeout(Simulation simulation) : Event(simulation)
{
    /// <summary>The delay it was last scheduled with.</summary>
    public double Delay { get; private set; }

    /// <summary>Makes this (pending) instance a timeout of <paramref name="delay"/> seconds from now.</summary>
    [MethodImpl(HotPath.Options)]
    public void Start(double delay)
    {
        Delay = delay;
        MarkTriggered(null, null);
        Simulation.Schedule(this, EventPriority.Normal, delay);
    }

    /// <summary>Makes this (pending) instance a timeout that fires at the absolute time <paramref name="time"/> (not before now).</summary>
    public void StartAt(double time)
    {
        Delay = time - Simulation.Now;
        MarkTriggered(null, null);
        Simulation.ScheduleAt(this, EventPriority.Normal, time);
    }

    [MethodImpl(HotPath.Options)]
    internal override void Fire()
    {
        base.Fire();
        ResetToPending();
        Simulation.Recycle(this);
    }

    private protected override string Describe() => $"Delay({Delay})";
}
