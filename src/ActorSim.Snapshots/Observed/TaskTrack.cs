namespace ActorSim.Snapshots.Observed;

/// <summary>Where one task of one line stands in the log read so far.</summary>
internal sealed class TaskTrack(int kind, long order)
{
    /// <summary>The kind of task (its index in the line's tasks); for a task started by an item, settled when its send is read.</summary>
    public int Kind { get; set; } = kind;

    /// <summary>The step it is at.</summary>
    public int Step { get; set; }

    /// <summary>Queued, in service, or between a step's end and the next step's queueing.</summary>
    public TrackState State { get; set; } = TrackState.Queued;

    /// <summary>Since when it is in its state, in simulated seconds.</summary>
    public double Since { get; set; }

    /// <summary>When its last step started: a hand-off holds that step's unit since then.</summary>
    public double StartedAt { get; set; }

    /// <summary>The log's order of its last queueing: first come, first served among equal times.</summary>
    public long Order { get; set; } = order;
}

/// <summary>A tracked task's state.</summary>
internal enum TrackState
{
    Queued,
    InService,
    BetweenSteps,
}
