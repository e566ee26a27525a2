namespace ActorSim.Snapshots.Database;

/// <summary>
/// Where a database keeps a plant's state: for each of the three relations, a relation name (a table or view,
/// optionally schema-qualified: <c>my_view</c>, <c>plant.wip</c>) or a query (<c>SELECT …</c>, <c>WITH …</c>), so that a
/// plant's own schema is mapped with a view or a query. The columns are found by name; others are ignored.
/// <list type="bullet">
/// <item><see cref="Wip"/>: <c>line text, key text, task text, step int, status text ('queued' | 'in_service'),
/// since timestamptz</c>, and optionally <c>priority int</c>, <c>holding_since timestamptz</c>.</item>
/// <item><see cref="Parameters"/>: <c>line text, path text, value jsonb</c> (or text, a number, a boolean).</item>
/// <item><see cref="Resources"/>: <c>line text, resource text, current_cap int</c>, and optionally <c>max_cap int</c>.</item>
/// </list>
/// <c>docs/sql/actorsim-state.sql</c> creates the default relations as tables.
/// </summary>
public sealed record StateRelations
{
    /// <summary>The default work-in-progress relation.</summary>
    public const string DefaultWip = "actorsim_wip";

    /// <summary>The default parameter relation.</summary>
    public const string DefaultParameters = "actorsim_parameters";

    /// <summary>The default resource relation; it may be absent from the database.</summary>
    public const string DefaultResources = "actorsim_resources";

    /// <summary>The default relations.</summary>
    public static StateRelations Default { get; } = new();

    /// <summary>The tasks in progress, one row per task: queued at its step's resource or in service there.</summary>
    public string Wip { get; init; } = DefaultWip;

    /// <summary>Registry values that differ from the model's (arrival and service parameters, capacities, variables), one row per path.</summary>
    public string Parameters { get; init; } = DefaultParameters;

    /// <summary>
    /// Resource capacities, one row per resource listed. Only the default relation may be absent (capacities then come
    /// from <see cref="Parameters"/>, else from the model); a name or query given must be readable.
    /// </summary>
    public string Resources { get; init; } = DefaultResources;
}
