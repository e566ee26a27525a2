namespace ActorSim.Model.Snapshots;

/// <summary>Where a snapshot's state comes from, and so how much of it is known.</summary>
public enum SnapshotKind
{
    /// <summary>
    /// Taken from ActorSim's own running simulation: everything, including when each task in service finishes, when
    /// each process wakes next, the order of events due at one instant and the random streams' states. A run continued
    /// from it writes exactly what the original run wrote from that instant on.
    /// </summary>
    Exact,

    /// <summary>
    /// Rebuilt from outside data (an event log, a database, a hand-written file): tasks, capacities and parameters, but
    /// no random states and no scheduled times. A run from it draws each remaining service time conditioned on the time
    /// already spent, and each next arrival afresh.
    /// </summary>
    Observed,
}
