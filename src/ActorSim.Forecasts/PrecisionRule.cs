using System.Globalization;

namespace ActorSim.Forecasts;

/// <summary>
/// Sequential stopping: add replications until every KPI in <see cref="Kpis"/> has a 95 % half-width within
/// <see cref="RelativeHalfWidth"/> of its mean's magnitude, up to <see cref="MaxReplications"/>.
/// </summary>
/// <param name="RelativeHalfWidth">The target, as a share of the mean (0.05 for 5 %).</param>
/// <param name="Kpis">The KPIs that must reach it (default <c>throughput</c> and <c>wait_mean</c>).</param>
/// <param name="MaxReplications">The most replications to run.</param>
public sealed record PrecisionRule(double RelativeHalfWidth, IReadOnlyList<string> Kpis, int MaxReplications)
{
    /// <summary>The KPIs checked when none are named.</summary>
    public static readonly IReadOnlyList<string> DefaultKpis = ["throughput", "wait_mean"];

    /// <summary>Throws an <see cref="ArgumentException"/> when the rule cannot be checked on these KPIs.</summary>
    internal void Check(IReadOnlyList<string> names, int batch)
    {
        if (!(RelativeHalfWidth > 0) || double.IsInfinity(RelativeHalfWidth))
        {
            throw new ArgumentException($"The target precision {RelativeHalfWidth:P} must be above 0.", nameof(RelativeHalfWidth));
        }

        if (MaxReplications < batch)
        {
            throw new ArgumentException($"The most replications ({MaxReplications}) must be at least one batch ({batch}).", nameof(MaxReplications));
        }

        foreach (var kpi in Kpis)
        {
            if (!names.Contains(kpi))
            {
                throw new ArgumentException($"The target KPI '{kpi}' is not one of this forecast's: {string.Join(", ", names)}.", nameof(Kpis));
            }
        }
    }

    /// <summary>Whether every KPI meets the target, which one is furthest from it (decides), and the precision it has reached.</summary>
    internal (bool Met, string Deciding, double Precision) Evaluate(ForecastResult result)
    {
        var worst = (Kpi: Kpis[0], Precision: double.NegativeInfinity);
        foreach (var kpi in Kpis)
        {
            var summary = result.Summaries.Single(s => s.Kpi == kpi).Summary;
            var precision = summary?.RelativeHalfWidth ?? double.PositiveInfinity;
            if (precision > worst.Precision)
            {
                worst = (kpi, precision);
            }
        }

        return (worst.Precision <= RelativeHalfWidth, worst.Kpi, worst.Precision);
    }

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"±{RelativeHalfWidth:0.##%} on {string.Join(", ", Kpis)}");
}
