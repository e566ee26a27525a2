namespace ActorSim.Engine.Resources;

/// <summary>
/// SimPy's PriorityStore: gets receive the lowest item first by a comparer (the items' own order by
/// default; see <see cref="PriorityItem{T}"/>), and equal items in the order they were put.
/// </summary>
/// <typeparam name="T">The type of the items.</typeparam>
public class PriorityStore<T> : Store<T>
{
    private readonly IComparer<T> _comparer;

    /// <summary>Creates a priority store of at most <paramref name="capacity"/> items.</summary>
    /// <param name="simulation">The simulation the store lives in.</param>
    /// <param name="capacity">The most items the store holds (default: unbounded).</param>
    /// <param name="comparer">The order of the items; null uses <typeparamref name="T"/>'s own, which it must have.</param>
    /// <param name="name">The name used in errors.</param>
    public PriorityStore(Simulation simulation, int capacity = int.MaxValue, IComparer<T>? comparer = null, string? name = null)
        : base(simulation, capacity, name)
    {
        if (comparer is null
            && !typeof(IComparable<T>).IsAssignableFrom(typeof(T))
            && !typeof(IComparable).IsAssignableFrom(typeof(T)))
        {
            throw new ArgumentException(
                $"PriorityStore '{Name}' cannot order {typeof(T).Name} items: give a comparer, make the items comparable, or wrap them in PriorityItem<T>.",
                nameof(comparer));
        }

        _comparer = comparer ?? Comparer<T>.Default;
    }

    /// <summary>After every item not greater than <paramref name="item"/>, so equal items keep their order.</summary>
    protected override int ItemInsertionIndex(IReadOnlyList<T> items, T item)
    {
        var low = 0;
        var high = items.Count;
        while (low < high)
        {
            var mid = (low + high) >>> 1;
            if (_comparer.Compare(items[mid], item) <= 0)
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
