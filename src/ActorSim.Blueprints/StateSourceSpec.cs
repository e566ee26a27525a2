namespace ActorSim.Blueprints;

/// <summary>
/// The <c>state_source</c> section: where a live database keeps the model's state, for a snapshot read from it. Each
/// value is a relation name (a table or view, e.g. <c>plant_wip</c> or <c>plant.wip_view</c>) or a query
/// (<c>SELECT … FROM …</c>); null keeps the default relation (<c>actorsim_wip</c>, <c>actorsim_parameters</c>,
/// <c>actorsim_resources</c>, see <c>docs/sql/actorsim-state.sql</c>).
/// </summary>
public sealed record StateSourceSpec
{
    /// <summary>The tasks in progress (<c>wip</c>).</summary>
    public string? Wip { get; init; }

    /// <summary>The parameter values (<c>parameters</c>).</summary>
    public string? Parameters { get; init; }

    /// <summary>The resource capacities (<c>resources</c>).</summary>
    public string? Resources { get; init; }
}
