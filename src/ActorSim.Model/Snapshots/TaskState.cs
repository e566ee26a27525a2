namespace ActorSim.Model.Snapshots;

/// <summary>Where a task in progress stands at a snapshot's instant.</summary>
public enum TaskState
{
    /// <summary>Waiting for a unit of its step's resource (perhaps holding the previous step's unit, for a hand-off).</summary>
    Queued,

    /// <summary>Holding its step's resource for the service time.</summary>
    InService,
}
