namespace ActorSim.Egress.Routing;

/// <summary>
/// Where a router sends one record: a destination path relative to the sink's store (e.g. <c>events.parquet</c>,
/// <c>date=2026-01-01/events.parquet</c>), or none to drop it deliberately; and whether to flatten an event's value
/// object into top-level columns.
/// </summary>
/// <param name="Destination">The destination path, or null to drop the record.</param>
/// <param name="Flatten">Flatten the event's value object (lifecycle <c>{path_id, status}</c> or a dictionary) into columns.</param>
public readonly record struct Route(string? Destination, bool Flatten = false)
{
    /// <summary>Drop the record (counted as deliberately dropped).</summary>
    public static Route Drop => default;

    /// <summary>True when the record is dropped.</summary>
    public bool IsDrop => Destination is null;
}
