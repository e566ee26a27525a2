namespace ActorSim.Engine;

/// <summary>Priority of a scheduled event among events at the same simulated time (lower runs first).</summary>
public enum EventPriority
{
    /// <summary>Runs before normal events at the same time (process starts, interrupts).</summary>
    Urgent = 0,

    /// <summary>The priority of ordinary events (timeouts, triggered events).</summary>
    Normal = 1,
}
