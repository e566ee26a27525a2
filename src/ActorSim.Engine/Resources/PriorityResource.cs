namespace ActorSim.Engine.Resources;

/// <summary>A resource whose waiting requests are served by priority (lower first), FIFO among equals.</summary>
public class PriorityResource : Resource
{
    /// <summary>Creates the resource with <paramref name="capacity"/> units.</summary>
    public PriorityResource(Simulation simulation, int capacity = 1, string? name = null)
        : base(simulation, capacity, name)
    {
    }

    /// <summary>Requests a unit with priority 0.</summary>
    public override Request Request() => Request(0);

    /// <summary>Requests a unit with a priority (lower numbers first).</summary>
    public Request Request(int priority) => new(this, priority, preempt: false);

    /// <summary>The order of service: (priority, request time, preempting first, request sequence), as SimPy's key.</summary>
    internal static int Compare(Request a, Request b)
    {
        var byPriority = a.Priority.CompareTo(b.Priority);
        if (byPriority != 0)
        {
            return byPriority;
        }

        var byTime = a.RequestedAt.CompareTo(b.RequestedAt);
        if (byTime != 0)
        {
            return byTime;
        }

        var byPreempt = b.Preempt.CompareTo(a.Preempt);
        return byPreempt != 0 ? byPreempt : a.Sequence.CompareTo(b.Sequence);
    }

    /// <inheritdoc />
    protected override int PutInsertionIndex(IReadOnlyList<Request> queue, Request put)
    {
        var low = 0;
        var high = queue.Count;
        while (low < high)
        {
            var mid = (low + high) >>> 1;
            if (Compare(queue[mid], put) <= 0)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }

        return low;
    }
}
