namespace ActorSim.Engine.Resources;

/// <summary>A put of an item into a <see cref="Store{T}"/>; succeeds when there is room. Dispose it to withdraw it while it waits.</summary>
/// <typeparam name="T">The type of the items.</typeparam>
public sealed class StorePut<T> : Event, IDisposable
{
    internal StorePut(Store<T> store, T item)
        : base(store.Simulation)
    {
        Store = store;
        Item = item;
    }

    /// <summary>The store put into.</summary>
    public Store<T> Store { get; }

    /// <summary>The item put.</summary>
    public T Item { get; }

    /// <summary>Withdraws the put if it has not been carried out yet; does nothing otherwise.</summary>
    public void Dispose() => Store.CancelPut(this);

    private protected override string Describe() => $"Put of {Item} into {Store.Name}";
}
