namespace ActorSim.Snapshots.Observed;

/// <summary>The instant of a rebuild: simulated seconds from the log's start, or a timestamp.</summary>
/// <param name="Seconds">Simulated seconds; null when <paramref name="Timestamp"/> is given.</param>
/// <param name="Timestamp">A timestamp of the log's run; null when <paramref name="Seconds"/> is given.</param>
public sealed record EventLogInstant(double? Seconds, DateTime? Timestamp);
