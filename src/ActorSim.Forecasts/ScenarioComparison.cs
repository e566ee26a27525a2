using ActorSim.Forecasts.Statistics;

namespace ActorSim.Forecasts;

/// <summary>
/// A what-if scenario against the baseline, on common random numbers: per KPI the summary of the paired differences
/// (scenario − baseline, replication by replication), whose interval is far narrower than that of two independent
/// forecasts' difference.
/// </summary>
/// <param name="Name">The scenario's name.</param>
/// <param name="Changes">The changes it makes to the baseline.</param>
/// <param name="Result">The scenario's own forecast.</param>
/// <param name="Differences">Per KPI the summary of the paired differences, null where no replication defines both.</param>
public sealed record ScenarioComparison(string Name, IReadOnlyList<WhatIfChange> Changes, ForecastResult Result, IReadOnlyList<(string Kpi, KpiSummary? Difference)> Differences)
{
    /// <summary>Compares <paramref name="scenario"/> (named <paramref name="name"/>, making <paramref name="changes"/>) with <paramref name="baseline"/>, replication by replication.</summary>
    public static ScenarioComparison Of(string name, IReadOnlyList<WhatIfChange> changes, ForecastResult baseline, ForecastResult scenario)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(scenario);
        var differences = new List<(string, KpiSummary?)>(baseline.Kpis.Count);
        for (var k = 0; k < baseline.Kpis.Count; k++)
        {
            var paired = new List<double>(baseline.Rows.Count);
            for (var i = 0; i < baseline.Rows.Count; i++)
            {
                var difference = scenario.Rows[i][k] - baseline.Rows[i][k];
                if (!double.IsNaN(difference))
                {
                    paired.Add(difference);
                }
            }

            differences.Add((baseline.Kpis[k], paired.Count == 0 ? null : KpiSummary.Of(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(paired))));
        }

        return new ScenarioComparison(name, changes, scenario, differences);
    }
}
