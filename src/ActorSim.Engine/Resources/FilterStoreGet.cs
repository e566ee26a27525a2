namespace ActorSim.Engine.Resources;

/// <summary>A get from a <see cref="FilterStore{T}"/> that takes the first item its filter accepts.</summary>
/// <typeparam name="T">The type of the items.</typeparam>
public sealed class FilterStoreGet<T> : StoreGet<T>
{
    internal FilterStoreGet(FilterStore<T> store, Func<T, bool> filter)
        : base(store)
    {
        Filter = filter;
    }

    /// <summary>Accepts the items this get may take.</summary>
    public Func<T, bool> Filter { get; }

    private protected override string Describe() => $"Filtered get from {Store.Name}";
}
