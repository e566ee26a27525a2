namespace ActorSim.Engine.Resources;

/// <summary>
/// A priority resource where a preempting request of strictly higher priority evicts the user with the
/// lowest priority (the latest among equals); the evicted user's process is interrupted with a
/// <see cref="Preempted"/> cause.
/// </summary>
public sealed class PreemptiveResource : PriorityResource
{
    /// <summary>Creates the resource with <paramref name="capacity"/> units.</summary>
    public PreemptiveResource(Simulation simulation, int capacity = 1, string? name = null)
        : base(simulation, capacity, name)
    {
    }

    /// <summary>Requests a preempting unit with priority 0 (SimPy's default).</summary>
    public override Request Request() => Request(0);

    /// <summary>Requests a unit with a priority; with <paramref name="preempt"/> (default, as in SimPy) it may evict a lower-priority user.</summary>
    public Request Request(int priority, bool preempt = true) => new(this, priority, preempt);

    /// <inheritdoc />
    protected override bool DoPut(Request put)
    {
        if (Count >= Capacity && put.Preempt)
        {
            Request? victim = null;
            foreach (var user in Users)
            {
                if (victim is null || Compare(user, victim) > 0)
                {
                    victim = user;
                }
            }

            if (victim is not null && Compare(victim, put) > 0)
            {
                RemoveUser(victim);
                victim.Owner?.Interrupt(new Preempted(put.Owner, victim.UsageSince, this, Simulation.Now));
            }
        }

        return base.DoPut(put);
    }
}
