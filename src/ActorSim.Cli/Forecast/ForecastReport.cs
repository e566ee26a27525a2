using System.Globalization;
using ActorSim.Forecasts;

namespace ActorSim.Cli.Forecast;

/// <summary>The console's table of a forecast's KPIs: mean with its 95 % interval, and the spread (p5, median, p95).</summary>
internal static class ForecastReport
{
    public static IEnumerable<string> Lines(ForecastResult result)
    {
        var width = Math.Max(4, result.Kpis.Max(k => k.Length));
        yield return string.Create(CultureInfo.InvariantCulture, $"{"kpi".PadRight(width)}  {"mean",12}  {"95 % interval",27}  {"p5",12}  {"p50",12}  {"p95",12}");
        foreach (var (kpi, summary) in result.Summaries)
        {
            yield return summary is null
                ? $"{kpi.PadRight(width)}  {"—",12}  (undefined in every replication)"
                : string.Create(CultureInfo.InvariantCulture,
                    $"{kpi.PadRight(width)}  {summary.Mean,12:#,0.###}  {Interval(summary.CiLow, summary.CiHigh),27}  {summary.P5,12:#,0.###}  {summary.P50,12:#,0.###}  {summary.P95,12:#,0.###}");
        }
    }

    /// <summary>The what-if's paired differences: <c>what-if (changes): wait_mean −41.2 [−43.0, −39.4]</c>, one line per KPI.</summary>
    public static IEnumerable<string> Differences(ScenarioComparison comparison)
    {
        yield return $"what-if '{comparison.Name}' ({string.Join(", ", comparison.Changes)}) against the baseline, paired on the same replications:";
        var width = Math.Max(4, comparison.Differences.Max(d => d.Kpi.Length));
        foreach (var (kpi, difference) in comparison.Differences)
        {
            yield return difference is null
                ? $"  {kpi.PadRight(width)}  —"
                : string.Create(CultureInfo.InvariantCulture, $"  {kpi.PadRight(width)}  {difference.Mean,12:+#,0.###;−#,0.###;0}  {Interval(difference.CiLow, difference.CiHigh),27}");
        }
    }

    private static string Interval(double low, double high) =>
        double.IsFinite(low) ? string.Create(CultureInfo.InvariantCulture, $"[{low:#,0.###}, {high:#,0.###}]") : "(one replication)";
}
