namespace ActorSim.Engine.Resources;

/// <summary>
/// SimPy's FilterStore: a <see cref="Store{T}"/> whose gets take the first item their filter accepts. Every
/// waiting get is tried in order whenever an item arrives, so a get is not held up by an earlier one.
/// </summary>
/// <typeparam name="T">The type of the items.</typeparam>
public class FilterStore<T> : Store<T>
{
    /// <summary>Creates a filter store of at most <paramref name="capacity"/> items.</summary>
    /// <param name="simulation">The simulation the store lives in.</param>
    /// <param name="capacity">The most items the store holds (default: unbounded).</param>
    /// <param name="name">The name used in errors.</param>
    public FilterStore(Simulation simulation, int capacity = int.MaxValue, string? name = null)
        : base(simulation, capacity, name)
    {
    }

    /// <summary>Takes the first item <paramref name="filter"/> accepts; yield the event to wait for one.</summary>
    public FilterStoreGet<T> Get(Func<T, bool> filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var get = new FilterStoreGet<T>(this, filter);
        EnqueueGet(get);
        return get;
    }

    /// <inheritdoc />
    protected override bool DoGet(StoreGet<T> get)
    {
        var filter = (get as FilterStoreGet<T>)?.Filter;
        var items = Items;
        for (var index = 0; index < items.Count; index++)
        {
            if (filter is null || filter(items[index]))
            {
                get.Deliver(TakeItemAt(index));
                break;
            }
        }

        return true;
    }
}
