namespace ActorSim.Engine.Resources;

/// <summary>
/// A get from a <see cref="Store{T}"/>; succeeds with the item (also in <see cref="Event.Value"/>) when one is
/// there. Dispose it to withdraw it while it waits.
/// </summary>
/// <typeparam name="T">The type of the items.</typeparam>
public class StoreGet<T> : Event, IDisposable
{
    private T _item = default!;

    internal StoreGet(Store<T> store)
        : base(store.Simulation)
    {
        Store = store;
    }

    /// <summary>The store taken from.</summary>
    public Store<T> Store { get; }

    /// <summary>The item received; throws while the get waits.</summary>
    public T Item
    {
        get
        {
            _ = Value;
            return _item;
        }
    }

    /// <summary>Withdraws the get if it has not been carried out yet; does nothing otherwise.</summary>
    public void Dispose()
    {
        GC.SuppressFinalize(this);
        Store.CancelGet(this);
    }

    /// <summary>Succeeds with <paramref name="item"/>.</summary>
    internal void Deliver(T item)
    {
        _item = item;
        Succeed(item);
    }

    private protected override string Describe() => $"Get from {Store.Name}";
}
