using ActorSim.Model.Snapshots;

namespace ActorSim.Snapshots.Database.Internal;

/// <summary>Refusals of what a relation holds, each naming the relation, the row's key and the column.</summary>
internal static class Refusal
{
    /// <summary><c>actorsim_wip, row key 'task-7' (line 'Line_A'), column step: …</c></summary>
    public static SnapshotException Row(RelationSource source, string keyColumn, string? key, string? line, string column, string problem) =>
        new($"{source.Label}, row {keyColumn} '{key}'{(line is null ? string.Empty : $" (line '{line}')")}, column {column}: {problem}");

    /// <summary>A row whose key cannot be read: named by its place in the relation, from 1.</summary>
    public static SnapshotException RowAt(RelationSource source, int number, string column, string problem) =>
        new($"{source.Label}, row {number} (counted from 1), column {column}: {problem}");

    /// <summary>A refusal of the whole relation.</summary>
    public static SnapshotException Relation(RelationSource source, string problem) => new($"{source.Label}: {problem}");
}
