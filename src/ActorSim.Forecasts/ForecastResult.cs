using ActorSim.Forecasts.Statistics;

namespace ActorSim.Forecasts;

/// <summary>A forecast's outcome: every replication's KPIs (rows in replication order) and each KPI's summary.</summary>
/// <param name="Kpis">The KPI names, in column order.</param>
/// <param name="Rows">One row per replication, in replication order; NaN where a KPI is undefined (no step started, no task left).</param>
/// <param name="Summaries">Each KPI's summary over the replications where it is defined, by name, in column order.</param>
/// <param name="StartsAt">Simulated seconds the replications start at (the snapshot's instant, or 0).</param>
/// <param name="Elapsed">Wall time of the replications.</param>
public sealed record ForecastResult(
    IReadOnlyList<string> Kpis, IReadOnlyList<double[]> Rows, IReadOnlyList<(string Kpi, KpiSummary? Summary)> Summaries, double StartsAt, TimeSpan Elapsed)
{
    /// <summary>The sampled series (<c>&lt;line&gt;.wip</c>, <c>&lt;line&gt;.&lt;resource&gt;.queue</c>, <c>.in_use</c>), in the order of each replication's samples.</summary>
    public IReadOnlyList<string> Series { get; init; } = [];

    /// <summary>The sampling times, in seconds after the start (0, the band step, twice it, …, the horizon).</summary>
    public IReadOnlyList<double> SampleTimes { get; init; } = [];

    /// <summary>Per replication, in replication order: series by series, each its value at every sampling time.</summary>
    public IReadOnlyList<double[]> Samples { get; init; } = [];
}
