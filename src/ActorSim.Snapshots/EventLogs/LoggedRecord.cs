using ActorSim.Model.Records;

namespace ActorSim.Snapshots.EventLogs;

/// <summary>
/// One record read back from an event log: a lifecycle or custom event, or a telemetry sample, as a run wrote it.
/// </summary>
/// <param name="Kind">Event or telemetry (<c>stream_type</c>).</param>
/// <param name="SimTime">Simulated seconds (<c>sim_ts</c>, whole milliseconds as written).</param>
/// <param name="Timestamp">
/// The written <c>timestamp</c>, null when the record has none. <see cref="DateTimeKind.Utc"/> when the file says so
/// (Parquet, a <c>Z</c> or an offset, converted to UTC); <see cref="DateTimeKind.Unspecified"/> for JSON text without a zone.
/// </param>
/// <param name="Key">An event's key, e.g. <c>task-17</c>; null for telemetry.</param>
/// <param name="PathId">Telemetry's path; an event's <c>path_id</c>, flattened or inside its value, when it has one.</param>
/// <param name="Status">An event's <c>status</c> (<c>queued</c>, <c>started</c>, <c>finished</c>); null for custom events and telemetry.</param>
/// <param name="Number">
/// Telemetry's numeric value (Parquet keeps NaN and infinities, JSONL writes them as null); null when it is null, not a
/// number (a string or bool sample), or the record is an event.
/// </param>
public readonly record struct LoggedRecord(
    RecordKind Kind, double SimTime, DateTime? Timestamp, string? Key, string? PathId, string? Status, double? Number)
{
    /// <summary>True for a task lifecycle event: an event with a status.</summary>
    public bool IsLifecycle => Kind == RecordKind.Event && Status is not null;
}
