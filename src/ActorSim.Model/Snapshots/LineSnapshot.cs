namespace ActorSim.Model.Snapshots;

/// <summary>
/// One line's state at a snapshot's instant. In an exact snapshot, every event of the line due at or after that instant
/// has an <c>order</c> (0, 1, 2, … in the order the engine would process them): events due at the same time then run
/// in the same order after a restore as in the original run.
/// </summary>
public sealed record LineSnapshot
{
    /// <summary>The line's id.</summary>
    public required string SimId { get; init; }

    /// <summary>
    /// Registry values by path (arrival and service parameters, capacities, variables). A restore starts from the
    /// model's own values and applies these over them; an exact snapshot lists every path.
    /// </summary>
    public IReadOnlyDictionary<string, object> Parameters { get; init; } = new Dictionary<string, object>(StringComparer.Ordinal);

    /// <summary>Exact snapshots: paths changed while no process waited for their change (the next wait returns at once).</summary>
    public IReadOnlyList<string>? UnseenChanges { get; init; }

    /// <summary>The scenario changes still to come, in time order.</summary>
    public IReadOnlyList<ScenarioStep> Scenario { get; init; } = [];

    /// <summary>Exact snapshots: when the scenario process wakes for its next change (absent when none is left).</summary>
    public TimerSnapshot? ScenarioWake { get; init; }

    /// <summary>The resources, with their capacities.</summary>
    public IReadOnlyList<ResourceSnapshot> Resources { get; init; } = [];

    /// <summary>The containers' levels.</summary>
    public IReadOnlyList<ContainerSnapshot> Containers { get; init; } = [];

    /// <summary>The stores' items.</summary>
    public IReadOnlyList<StoreSnapshot> Stores { get; init; } = [];

    /// <summary>
    /// The tasks in progress. Tasks queued at one resource are listed in the order the resource serves them (by
    /// priority, then first come first served); a restore queues them in that order.
    /// </summary>
    public IReadOnlyList<TaskSnapshot> Tasks { get; init; } = [];

    /// <summary>The arrival processes, one per kind of task created by arrivals.</summary>
    public IReadOnlyList<ArrivalSnapshot> Arrivals { get; init; } = [];

    /// <summary>
    /// The production schedules, one per schedule of the line (absent for a line without any). A schedule not listed
    /// goes on from its first release at or after the instant: releases before it are not replayed.
    /// </summary>
    public IReadOnlyList<ScheduleSnapshot>? Schedules { get; init; }

    /// <summary>The number of the next task created by an arrival (keys go on as <c>task-&lt;n&gt;</c>); one counter per line.</summary>
    public long NextTaskNumber { get; init; }

    /// <summary>Plants: items the line has sent so far (the next item sent gets this sequence number).</summary>
    public long ItemsSent { get; init; }

    /// <summary>Plants: items on their way to this line, in (arrival, sender, sequence) order.</summary>
    public IReadOnlyList<ItemInTransit> InTransit { get; init; } = [];

    /// <summary>Exact snapshots: the next telemetry sample (absent when the line samples none).</summary>
    public TimerSnapshot? Telemetry { get; init; }

    /// <summary>Exact snapshots of a paced run: the lag monitor's next sample.</summary>
    public TimerSnapshot? LagMonitor { get; init; }

    /// <summary>Exact snapshots: the line's random stream.</summary>
    public RandomSnapshot? Random { get; init; }
}
