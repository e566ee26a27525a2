using ActorSim.Engine.Internal;

namespace ActorSim.Engine;

/// <summary>
/// An event over other events: succeeds when <see cref="IsSatisfied"/> holds for the number of events that
/// succeeded, fails as soon as one of them fails. Its value is a <see cref="ConditionValue"/> of the events
/// processed by the time the condition is processed (nested conditions contribute their own events).
/// </summary>
public abstract class Condition : Event, IEventCallback
{
    private readonly Event[] _events;
    private int _succeeded;

    /// <summary>Creates the condition and registers it on each event.</summary>
    protected Condition(Simulation simulation, IEnumerable<Event> events)
        : base(simulation)
    {
        ArgumentNullException.ThrowIfNull(events);
        _events = [.. events];
        foreach (var ev in _events)
        {
            if (ev is null || !ReferenceEquals(ev.Simulation, simulation))
            {
                throw new ArgumentException("Every event of a condition must be non-null and belong to the same simulation.", nameof(events));
            }
        }

        if (_events.Length == 0)
        {
            Succeed(new ConditionValue([]));
            return;
        }

        foreach (var ev in _events)
        {
            if (ev.IsProcessed)
            {
                Check(ev);
            }
            else
            {
                ev.AddCallback(this);
            }
        }
    }

    /// <summary>The events this condition is over, in the order given.</summary>
    public IReadOnlyList<Event> Events => _events;

    /// <summary>True when <paramref name="succeeded"/> of <paramref name="total"/> events satisfy the condition.</summary>
    protected abstract bool IsSatisfied(int succeeded, int total);

    void IEventCallback.OnEventProcessed(Event processed) => Check(processed);

    private protected override void OnProcessing()
    {
        if (Exception is null && Value is ConditionValue value)
        {
            value.Freeze();
        }

        foreach (var ev in _events)
        {
            if (!ev.IsProcessed)
            {
                ev.RemoveCallback(this);
            }
        }
    }

    private void Check(Event ev)
    {
        if (IsTriggered)
        {
            return;
        }

        _succeeded++;
        if (ev.Exception is { } failure)
        {
            ev.Defused = true;
            Fail(failure);
        }
        else if (IsSatisfied(_succeeded, _events.Length))
        {
            Succeed(new ConditionValue(this));
        }
    }

    internal void CollectProcessed(List<Event> into)
    {
        foreach (var ev in _events)
        {
            if (ev is Condition nested)
            {
                nested.CollectProcessed(into);
            }
            else if (ev.IsProcessed)
            {
                into.Add(ev);
            }
        }
    }
}
