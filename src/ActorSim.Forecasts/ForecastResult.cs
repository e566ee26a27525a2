using ActorSim.Forecasts.Statistics;

namespace ActorSim.Forecasts;

/// <summary>A forecast's outcome: every replication's KPIs (rows in replication order) and each KPI's summary.</summary>
/// <param name="Kpis">The KPI names, in column order.</param>
/// <param name="Rows">One row per replication, in replication order; NaN where a KPI is undefined (no step started, no task left).</param>
/// <param name="Summaries">Each KPI's summary over the replications where it is defined, by name, in column order.</param>
/// <param name="StartsAt">Simulated seconds the replications start at (the snapshot's instant, or 0).</param>
/// <param name="Elapsed">Wall time of the replications.</param>
public sealed record ForecastResult(
    IReadOnlyList<string> Kpis, IReadOnlyList<double[]> Rows, IReadOnlyList<(string Kpi, KpiSummary? Summary)> Summaries, double StartsAt, TimeSpan Elapsed);
