using System.Globalization;
using ActorSim.Forecasts;
using Spectre.Console;

namespace ActorSim.Cli.Forecast;

/// <summary>
/// The console's report of a forecast's KPIs — mean with its 95 % interval, and the spread (p5, median, p95) — and of
/// each what-if's paired differences: plain lines (<see cref="Lines"/>, stable for scripts and logs), or Spectre tables
/// on a terminal (<see cref="KpiTable"/>, <see cref="DifferenceTable"/>).
/// </summary>
internal static class ForecastReport
{
    /// <summary>The KPIs as a table: one row each, the interval and spread right-aligned.</summary>
    public static Table KpiTable(ForecastResult result)
    {
        var table = new Table().Border(TableBorder.Rounded).AddColumn("kpi").AddColumn(Right("mean")).AddColumn(Right("95 % interval"))
            .AddColumn(Right("p5")).AddColumn(Right("p50")).AddColumn(Right("p95"));
        foreach (var (kpi, summary) in result.Summaries)
        {
            if (summary is null)
            {
                table.AddRow(Markup.Escape(kpi), "—", "[dim](undefined in every replication)[/]", string.Empty, string.Empty, string.Empty);
                continue;
            }

            table.AddRow(Markup.Escape(kpi), $"[bold]{Number(summary.Mean)}[/]", Markup.Escape(Interval(summary.CiLow, summary.CiHigh)), Number(summary.P5), Number(summary.P50), Number(summary.P95));
        }

        return table;
    }

    /// <summary>A what-if's paired differences as a table titled with its changes.</summary>
    public static Table DifferenceTable(ScenarioComparison comparison)
    {
        var table = new Table().Border(TableBorder.Rounded)
            .Title(Markup.Escape($"what-if '{comparison.Name}' ({string.Join(", ", comparison.Changes)}) − baseline, paired"))
            .AddColumn("kpi").AddColumn(Right("difference")).AddColumn(Right("95 % interval"));
        foreach (var (kpi, difference) in comparison.Differences)
        {
            table.AddRow(
                Markup.Escape(kpi),
                difference is null ? "—" : string.Create(CultureInfo.InvariantCulture, $"{difference.Mean:+#,0.###;−#,0.###;0}"),
                difference is null ? string.Empty : Markup.Escape(Interval(difference.CiLow, difference.CiHigh)));
        }

        return table;
    }

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

    private static TableColumn Right(string header) => new TableColumn(header).RightAligned();

    private static string Number(double value) => value.ToString("#,0.###", CultureInfo.InvariantCulture);

    private static string Interval(double low, double high) =>
        double.IsFinite(low) ? string.Create(CultureInfo.InvariantCulture, $"[{low:#,0.###}, {high:#,0.###}]") : "(one replication)";
}
