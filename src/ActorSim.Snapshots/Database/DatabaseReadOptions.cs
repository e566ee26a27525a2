namespace ActorSim.Snapshots.Database;

/// <summary>How <see cref="DatabaseSnapshots.ReadAsync"/> reads a plant's state: at which instant, from which start, from which relations.</summary>
public sealed record DatabaseReadOptions
{
    /// <summary>
    /// The instant of the snapshot; null for <c>now</c>, the database server's clock at the start of the read (one
    /// read-only transaction, so the rows and the instant agree). A time without a zone is taken as UTC.
    /// </summary>
    public DateTime? At { get; init; }

    /// <summary>
    /// The run's logical start (simulated time 0), e.g. <c>--start</c> or the blueprint's <c>simulation.start</c>; a time
    /// without a zone is taken as UTC. Null: midnight (UTC) of the day of the earliest time read (the instant, or an
    /// earlier <c>since</c> or <c>holding_since</c>).
    /// </summary>
    public DateTime? Start { get; init; }

    /// <summary>The relations (names or queries) to read.</summary>
    public StateRelations Relations { get; init; } = StateRelations.Default;

    /// <summary>How long each query may run.</summary>
    public TimeSpan CommandTimeout { get; init; } = TimeSpan.FromSeconds(30);
}
