namespace ActorSim.Model.Snapshots;

/// <summary>A process asleep until a given time (the next telemetry sample, the next scenario change, the lag monitor).</summary>
/// <param name="NextAt">When it wakes, in simulated seconds from the run's start (at or after the snapshot's instant).</param>
/// <param name="Order">Exact snapshots: its place among the line's events due then (see <see cref="LineSnapshot"/>).</param>
public sealed record TimerSnapshot(double NextAt, int? Order = null);
