namespace ActorSim.Model.Snapshots;

/// <summary>A store's items at a snapshot's instant, in the order gets receive them.</summary>
/// <param name="Name">The store's name in the line.</param>
/// <param name="Items">Its items (true/false, numbers, strings, or objects and arrays of those).</param>
public sealed record StoreSnapshot(string Name, IReadOnlyList<object> Items);
