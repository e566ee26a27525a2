using ActorSim.Engine;

namespace ActorSim.Model.Registry;

/// <summary>
/// Wake-ups for processes waiting on a path's next change. A change with nobody waiting is kept (the next
/// wait returns at once); several changes before the woken waiters run coalesce into that one wake-up.
/// All processes waiting at the time of a change are woken.
/// </summary>
internal sealed class ChangeSignal
{
    private Event? _waiting;
    private Event? _fired;
    private bool _pending;

    /// <summary>A change that nobody has waited for yet: the next wait returns at once (part of an exact snapshot).</summary>
    public bool HasUnseenChange
    {
        get => _pending;
        set => _pending = value;
    }

    public Event Wait(Simulation simulation)
    {
        if (_pending)
        {
            _pending = false;
            _fired = simulation.Event().Succeed();
            return _fired;
        }

        return _waiting ??= simulation.Event();
    }

    public void Notify()
    {
        if (_waiting is not null)
        {
            _fired = _waiting.Succeed();
            _waiting = null;
        }
        else if (_fired is { IsProcessed: false })
        {
            // The woken waiters have not run yet: they will read the latest value anyway.
        }
        else
        {
            _pending = true;
        }
    }
}
