namespace ActorSim.Model.Snapshots;

/// <summary>An item travelling over a link at a snapshot's instant, listed on the line it goes to.</summary>
public sealed record ItemInTransit
{
    /// <summary>The link's name.</summary>
    public required string Link { get; init; }

    /// <summary>The sending line's id.</summary>
    public required string From { get; init; }

    /// <summary>The sending line's count of items sent before this one: items arriving at one time are taken in (sender, sequence) order.</summary>
    public required long Sequence { get; init; }

    /// <summary>When it left, in simulated seconds from the run's start.</summary>
    public required double SentAt { get; init; }

    /// <summary>
    /// When it arrives, in simulated seconds from the run's start (at or after the snapshot's instant). Observed
    /// snapshots may leave it out: the arrival is then drawn from the link's delay given the time already travelled.
    /// </summary>
    public double? ArrivalAt { get; init; }

    /// <summary>The item's event key, kept by the task it starts.</summary>
    public required string Key { get; init; }

    /// <summary>The item's attributes, if any.</summary>
    public IReadOnlyDictionary<string, object>? Attributes { get; init; }
}
