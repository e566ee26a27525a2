namespace ActorSim.Blueprints;

/// <summary>One row of a <see cref="ScheduleTable"/>.</summary>
/// <param name="Origin">Where the row was read, as refusals name it: <c>today.csv:5</c>, <c>plan.parquet row 4</c>, <c>query row 4</c>.</param>
/// <param name="Values">The values, one per column (null where empty).</param>
/// <param name="Quoted">For text sources: which values were quoted (a quoted value stays text); null when none was.</param>
public sealed record ScheduleRow(string Origin, IReadOnlyList<object?> Values, IReadOnlyList<bool>? Quoted = null);
