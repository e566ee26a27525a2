namespace ActorSim.Blueprints;

/// <summary>
/// A production schedule's rows as read, before they become releases: column names and, per row, where it was read
/// and its values (null where empty). Text values are kept as text; typed sources give numbers, timestamps and flags.
/// </summary>
/// <param name="Columns">The column names, in the source's order.</param>
/// <param name="Rows">The rows, in the source's order.</param>
public sealed record ScheduleTable(IReadOnlyList<string> Columns, IReadOnlyList<ScheduleRow> Rows);
