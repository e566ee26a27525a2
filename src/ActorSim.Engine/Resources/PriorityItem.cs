namespace ActorSim.Engine.Resources;

/// <summary>
/// An item with a priority for a <see cref="PriorityStore{T}"/> (SimPy's PriorityItem): ordered by
/// <see cref="Priority"/> alone, lower first, so items of any type can be prioritised.
/// </summary>
/// <typeparam name="T">The type of the wrapped item.</typeparam>
/// <param name="Priority">The priority; lower is taken first.</param>
/// <param name="Item">The item.</param>
public readonly record struct PriorityItem<T>(double Priority, T Item) : IComparable<PriorityItem<T>>
{
    /// <summary>Compares by <see cref="Priority"/> only.</summary>
    public int CompareTo(PriorityItem<T> other) => Priority.CompareTo(other.Priority);
}
