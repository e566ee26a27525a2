namespace ActorSim.Model.Snapshots;

/// <summary>How far a production schedule has come at a snapshot's instant: releases before <see cref="Next"/> have started.</summary>
/// <param name="Name">The schedule's name in the line.</param>
/// <param name="Next">The index, in the schedule's time order, of the next release to start (the releases' count when all have).</param>
/// <param name="NextAt">Exact snapshots: when the schedule's process wakes for that release (absent once all have started).</param>
/// <param name="Order">Exact snapshots: the place of that wake-up among the line's events due then.</param>
public sealed record ScheduleSnapshot(string Name, int Next, double? NextAt = null, int? Order = null);
