using ActorSim.Engine.Internal;

namespace ActorSim.Engine.Resources;

/// <summary>
/// SimPy's Store: up to <see cref="Capacity"/> items handed out first in, first out. A put waits while the
/// store is full, a get while it is empty; each queue is served in order.
/// </summary>
/// <typeparam name="T">The type of the items.</typeparam>
public class Store<T> : ResourceBase<StorePut<T>, StoreGet<T>>
{
    private readonly Deque<T> _items = new();

    /// <summary>Creates a store of at most <paramref name="capacity"/> items.</summary>
    /// <param name="simulation">The simulation the store lives in.</param>
    /// <param name="capacity">The most items the store holds (default: unbounded).</param>
    /// <param name="name">The name used in errors.</param>
    public Store(Simulation simulation, int capacity = int.MaxValue, string? name = null)
        : base(simulation)
    {
        Name = name ?? GetType().Name;
        ValidateCapacity(capacity);
        Capacity = capacity;
    }

    /// <summary>The name used in errors.</summary>
    public string Name { get; }

    /// <summary>The most items the store holds (it may hold more for a while after <see cref="SetCapacity"/> shrank it).</summary>
    public int Capacity { get; private set; }

    /// <summary>The items in the store, in the order gets receive them.</summary>
    public IReadOnlyList<T> Items => _items;

    /// <summary>Puts <paramref name="items"/> in at once, without events (a snapshot's restore, before any process runs).</summary>
    internal void RestoreItems(IEnumerable<T> items)
    {
        foreach (var item in items)
        {
            _items.Add(item);
        }
    }

    /// <summary>Puts <paramref name="item"/> in; yield the event to wait for room, dispose it to withdraw it.</summary>
    public StorePut<T> Put(T item)
    {
        var put = new StorePut<T>(this, item);
        EnqueuePut(put);
        return put;
    }

    /// <summary>Takes the next item; yield the event to wait for one and read <see cref="StoreGet{T}.Item"/>.</summary>
    public StoreGet<T> Get()
    {
        var get = new StoreGet<T>(this);
        EnqueueGet(get);
        return get;
    }

    /// <summary>
    /// Changes the capacity at the current time. Growing it tries the waiting puts at once; shrinking it below
    /// the number of items keeps them and blocks puts until enough have been taken out.
    /// </summary>
    protected void SetCapacity(int capacity)
    {
        // A capacity may drop to 0 at run time (closed: puts wait); only a new store needs room.
        if (!(capacity >= 0))
        {
            throw new ArgumentOutOfRangeException(nameof(capacity), capacity, $"Store '{Name}' needs a capacity of 0 or more; {capacity} was given.");
        }

        Capacity = capacity;
        RetryPuts();
    }

    /// <summary>Where a new item goes among <paramref name="items"/> (at the end by default: FIFO).</summary>
    protected virtual int ItemInsertionIndex(IReadOnlyList<T> items, T item) => items.Count;

    /// <inheritdoc />
    protected override bool DoPut(StorePut<T> put)
    {
        if (_items.Count < Capacity)
        {
            _items.Insert(ItemInsertionIndex(_items, put.Item), put.Item);
            put.Succeed();
        }

        return false;
    }

    /// <inheritdoc />
    protected override bool DoGet(StoreGet<T> get)
    {
        if (_items.Count > 0)
        {
            get.Deliver(TakeItemAt(0));
        }

        return false;
    }

    /// <summary>Removes and returns the item at <paramref name="index"/> of <see cref="Items"/>.</summary>
    private protected T TakeItemAt(int index)
    {
        var item = _items[index];
        _items.RemoveAt(index);
        return item;
    }

    private void ValidateCapacity(int capacity)
    {
        if (capacity <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(capacity), capacity,
                $"Store '{Name}' needs a capacity of at least 1; {capacity} was given.");
        }
    }
}
