namespace ActorSim.Model.Snapshots;

/// <summary>A task in progress at a snapshot's instant.</summary>
public sealed record TaskSnapshot
{
    /// <summary>The task's event key, e.g. <c>task-17</c>.</summary>
    public required string Key { get; init; }

    /// <summary>The kind of task (its name in the line).</summary>
    public required string Task { get; init; }

    /// <summary>The step it is at, from 0.</summary>
    public required int Step { get; init; }

    /// <summary>Queued at the step's resource, or in service there.</summary>
    public required TaskState State { get; init; }

    /// <summary>Since when, in simulated seconds from the run's start: queued since, or in service since.</summary>
    public required double Since { get; init; }

    /// <summary>The request's priority (lower first); the step's priority when absent.</summary>
    public int? Priority { get; init; }

    /// <summary>Exact snapshots, tasks in service: when the service ends, in simulated seconds from the run's start.</summary>
    public double? FinishAt { get; init; }

    /// <summary>Exact snapshots, tasks in service: the place of the service's end among the line's events due then.</summary>
    public int? Order { get; init; }

    /// <summary>A queued task's unit of the previous step's resource, kept across a hand-off.</summary>
    public HeldResource? Holding { get; init; }

    /// <summary>The attributes of the item the task carries (tasks started by a link), if any.</summary>
    public IReadOnlyDictionary<string, object>? Attributes { get; init; }
}
