namespace ActorSim.Engine;

/// <summary>
/// The value of a condition: the events that had been processed when the condition was, in the order they
/// were given, with their values. Fixed when the condition is processed, as in SimPy.
/// </summary>
public sealed class ConditionValue
{
    private readonly Condition? _condition;
    private List<Event>? _events;

    internal ConditionValue(Condition condition) => _condition = condition;

    internal ConditionValue(List<Event> events) => _events = events;

    /// <summary>The events that had fired, in the condition's order (so far, until the condition is processed).</summary>
    public IReadOnlyList<Event> Events => _events ?? Collect();

    /// <summary>The values of <see cref="Events"/>, in the same order.</summary>
    public IEnumerable<object?> Values => Events.Select(e => e.Value);

    /// <summary>The value of one fired event; throws if it had not fired.</summary>
    public object? this[Event ev] => Events.Contains(ev)
        ? ev.Value
        : throw new KeyNotFoundException($"{ev} had not fired when the condition did.");

    /// <summary>True if <paramref name="ev"/> had fired when the condition did.</summary>
    public bool Contains(Event ev) => Events.Contains(ev);

    internal void Freeze() => _events ??= Collect();

    private List<Event> Collect()
    {
        var list = new List<Event>();
        _condition!.CollectProcessed(list);
        return list;
    }
}
