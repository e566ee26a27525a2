namespace ActorSim.Runs;

/// <summary>An instant of a run (a snapshot's, the go-live), given as simulated seconds from its logical start, or as a timestamp.</summary>
/// <param name="Seconds">Simulated seconds from the logical start; null when <paramref name="Timestamp"/> is given.</param>
/// <param name="Timestamp">The instant as a timestamp (in the logical start's kind); null when <paramref name="Seconds"/> is given.</param>
public sealed record RunInstant(double? Seconds, DateTime? Timestamp)
{
    /// <summary>The instant in simulated seconds from <paramref name="start"/>.</summary>
    public double SecondsFrom(DateTime start) => Seconds ?? (Timestamp!.Value - start).TotalSeconds;
}
