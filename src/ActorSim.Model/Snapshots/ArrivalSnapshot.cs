namespace ActorSim.Model.Snapshots;

/// <summary>An arrival process at a snapshot's instant.</summary>
/// <param name="Task">The kind of task it creates.</param>
/// <param name="NextAt">Exact snapshots: when its next task arrives; absent when it waits for its rate to change, or in an observed snapshot (drawn afresh).</param>
/// <param name="Order">Exact snapshots: the place of that arrival among the line's events due then.</param>
/// <param name="WaitingForChange">True when it is stopped (a rate of 0) until its first parameter changes.</param>
/// <param name="Ended">True when it has ended for good (a rate of 0 with no parameter to wake it).</param>
public sealed record ArrivalSnapshot(string Task, double? NextAt = null, int? Order = null, bool WaitingForChange = false, bool Ended = false);
