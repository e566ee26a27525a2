using System.Runtime.CompilerServices;
using ActorSim.Engine.Internal;

namespace ActorSim.Engine;

/// <summary>
/// Something that happens at a point of simulated time. An event is pending, then triggered (succeeded or
/// failed and scheduled), then processed (its callbacks ran). Processes wait on events by yielding them.
/// </summary>
public class Event
{
    private IEventCallback? _firstCallback;
    private List<IEventCallback>? _moreCallbacks;
    private object? _value;
    private Exception? _exception;
    private EventState _state;

    /// <summary>Creates a pending event that model code triggers with <see cref="Succeed(object?)"/> or <see cref="Fail"/>.</summary>
    public Event(Simulation simulation)
    {
        ArgumentNullException.ThrowIfNull(simulation);
        Simulation = simulation;
    }

    /// <summary>The simulation this event belongs to.</summary>
    public Simulation Simulation { get; }

    /// <summary>True once the event succeeded or failed (it may not be processed yet).</summary>
    public bool IsTriggered => _state != EventState.Pending;

    /// <summary>True once the event's callbacks ran.</summary>
    public bool IsProcessed => _state == EventState.Processed;

    /// <summary>True if the event succeeded; throws while it is pending.</summary>
    public bool IsOk => _state == EventState.Pending
        ? throw new InvalidOperationException($"{Describe()} is not triggered yet, so it has no outcome.")
        : _exception is null;

    /// <summary>The value the event succeeded with; throws while pending or when the event failed.</summary>
    public object? Value
    {
        get
        {
            if (_state == EventState.Pending)
            {
                throw new InvalidOperationException($"{Describe()} is not triggered yet, so it has no value.");
            }

            return _exception is null ? _value : throw new InvalidOperationException(
                $"{Describe()} failed, so it has no value: {_exception.Message}", _exception);
        }
    }

    /// <summary>The exception the event failed with, or null.</summary>
    public Exception? Exception => _exception;

    /// <summary>
    /// Set when a failure has been taken care of (a process or condition received it), so that it does not
    /// fail the whole run. Set it yourself to ignore a failure nobody waits for.
    /// </summary>
    public bool Defused { get; set; }

    internal bool HasCallbacks => _firstCallback is not null;

    /// <summary>The process that waits for this event (its first callback), if any: how a snapshot finds who an event wakes.</summary>
    internal Process? WaitingProcess => _firstCallback as Process;

    /// <summary>Succeeds the event with a value and schedules it at the current time.</summary>
    public Event Succeed(object? value = null) => Succeed(value, EventPriority.Normal);

    /// <summary>Succeeds the event with a value and schedules it at the current time with the given priority.</summary>
    public Event Succeed(object? value, EventPriority priority)
    {
        EnsurePending();
        _value = value;
        _state = EventState.Triggered;
        Simulation.Schedule(this, priority, 0);
        return this;
    }

    /// <summary>Fails the event with an exception and schedules it at the current time.</summary>
    public Event Fail(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        EnsurePending();
        _exception = exception;
        _state = EventState.Triggered;
        Simulation.Schedule(this, EventPriority.Normal, 0);
        return this;
    }

    /// <summary>Runs <paramref name="callback"/> when this event is processed (at once is not possible once processed).</summary>
    [MethodImpl(HotPath.Options)]
    public void AddCallback(Action<Event> callback)
    {
        ArgumentNullException.ThrowIfNull(callback);
        AddCallback(new ActionCallback(callback));
    }

    /// <summary>Removes a callback added with <see cref="AddCallback(Action{Event})"/>; true if it was there.</summary>
    public bool RemoveCallback(Action<Event> callback)
    {
        if (_firstCallback is ActionCallback first && first.Action == callback)
        {
            return RemoveCallback(first);
        }

        var match = _moreCallbacks?.Find(c => c is ActionCallback a && a.Action == callback);
        return match is not null && RemoveCallback(match);
    }

    /// <inheritdoc />
    public override string ToString() => Describe();

    [MethodImpl(HotPath.Options)]
    internal void AddCallback(IEventCallback callback)
    {
        if (_state == EventState.Processed)
        {
            throw new InvalidOperationException($"{Describe()} is already processed; callbacks can no longer be added.");
        }

        if (_firstCallback is null)
        {
            _firstCallback = callback;
        }
        else
        {
            (_moreCallbacks ??= new List<IEventCallback>(2)).Add(callback);
        }
    }

    internal bool RemoveCallback(IEventCallback callback)
    {
        if (ReferenceEquals(_firstCallback, callback))
        {
            if (_moreCallbacks is { Count: > 0 })
            {
                _firstCallback = _moreCallbacks[0];
                _moreCallbacks.RemoveAt(0);
            }
            else
            {
                _firstCallback = null;
            }

            return true;
        }

        return _moreCallbacks?.Remove(callback) ?? false;
    }

    /// <summary>Triggers this event with the outcome of another, triggered event.</summary>
    internal void TriggerFrom(Event other)
    {
        if (other._exception is null)
        {
            Succeed(other._value);
        }
        else
        {
            Fail(other._exception);
        }
    }

    /// <summary>Marks the event triggered without scheduling it (the caller schedules it).</summary>
    [MethodImpl(HotPath.Options)]
    internal void MarkTriggered(object? value, Exception? exception)
    {
        EnsurePending();
        _value = value;
        _exception = exception;
        _state = EventState.Triggered;
    }

    /// <summary>
    /// For pools of derived event types: makes a processed event pending again, with no value and no callbacks. The
    /// pool must be sure nobody still holds the event.
    /// </summary>
    [MethodImpl(HotPath.Options)]
    protected void ResetProcessedForReuse()
    {
        if (_state != EventState.Processed)
        {
            throw new InvalidOperationException($"{Describe()} is not processed yet; only a processed event can be reused.");
        }

        ResetToPending();
    }

    /// <summary>
    /// Marks a pending event processed with <paramref name="value"/>, without scheduling it or running callbacks: for
    /// state restored from a snapshot (a request granted and taken before the snapshot's instant).
    /// </summary>
    internal void MarkProcessed(object? value)
    {
        MarkTriggered(value, null);
        _state = EventState.Processed;
    }

    /// <summary>Makes a processed event pending again, with no value and no callbacks, for an event pool.</summary>
    [MethodImpl(HotPath.Options)]
    internal void ResetToPending()
    {
        _firstCallback = null;
        _moreCallbacks = null;
        _value = null;
        _exception = null;
        _state = EventState.Pending;
        Defused = false;
    }

    /// <summary>Called by the simulation when the event is popped: runs the callbacks in the order they were added.</summary>
    [MethodImpl(HotPath.Options)]
    internal virtual void Fire()
    {
        OnProcessing();
        _state = EventState.Processed;
        var first = _firstCallback;
        if (first is null)
        {
            return;
        }

        _firstCallback = null;
        if (first is Process process)
        {
            // Nearly every callback is a waiting process: a type check and a direct call instead of interface dispatch.
            process.Resume(this);
        }
        else
        {
            first.OnEventProcessed(this);
        }

        var more = _moreCallbacks;
        if (more is null)
        {
            return;
        }

        _moreCallbacks = null;
        foreach (var callback in more)
        {
            callback.OnEventProcessed(this);
        }
    }

    /// <summary>Hook that runs just before the callbacks when the event is processed.</summary>
    [MethodImpl(HotPath.Options)]
    private protected virtual void OnProcessing()
    {
    }

    /// <summary>A short description used in error messages.</summary>
    private protected virtual string Describe() => GetType().Name;

    [MethodImpl(HotPath.Options)]
    private void EnsurePending()
    {
        if (_state != EventState.Pending)
        {
            throw new InvalidOperationException($"{Describe()} has already been triggered.");
        }
    }

    private enum EventState : byte
    {
        Pending,
        Triggered,
        Processed,
    }
}
