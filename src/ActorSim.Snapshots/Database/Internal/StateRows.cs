namespace ActorSim.Snapshots.Database.Internal;

/// <summary>Everything one read transaction saw: the instant and the rows of each relation.</summary>
internal sealed record StateRows(
    DateTime Instant,
    RelationSource Wip,
    IReadOnlyList<WipRow> WipRows,
    RelationSource Parameters,
    IReadOnlyList<ParameterRow> ParameterRows,
    RelationSource Resources,
    IReadOnlyList<ResourceRow>? ResourceRows);
