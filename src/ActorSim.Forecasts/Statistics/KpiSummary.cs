namespace ActorSim.Forecasts.Statistics;

/// <summary>
/// One KPI over a forecast's replications: the mean with its Student-t confidence interval (the error of the estimate),
/// and the spread of the outcomes themselves (the risk: percentiles, minimum, maximum).
/// </summary>
/// <param name="Count">Replications.</param>
/// <param name="Mean">The sample mean.</param>
/// <param name="Std">The sample standard deviation (n − 1); 0 for one replication.</param>
/// <param name="CiLow">The interval's low end.</param>
/// <param name="CiHigh">The interval's high end.</param>
/// <param name="HalfWidth">Half the interval's width; +∞ for one replication (no interval from one value).</param>
/// <param name="P5">The 5th percentile.</param>
/// <param name="P50">The median.</param>
/// <param name="P95">The 95th percentile.</param>
/// <param name="Min">The least value.</param>
/// <param name="Max">The greatest value.</param>
public sealed record KpiSummary(int Count, double Mean, double Std, double CiLow, double CiHigh, double HalfWidth, double P5, double P50, double P95, double Min, double Max)
{
    /// <summary>
    /// The summary of <paramref name="values"/>, one per replication in replication order; sums run in that order, so the
    /// same values give the same summary bit for bit. <paramref name="confidence"/> is the interval's level (default 95 %).
    /// </summary>
    public static KpiSummary Of(ReadOnlySpan<double> values, double confidence = 0.95)
    {
        if (values.IsEmpty)
        {
            throw new ArgumentException("A summary needs at least one replication.", nameof(values));
        }

        if (!(confidence > 0 && confidence < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(confidence), confidence, "A confidence level lies strictly between 0 and 1.");
        }

        var n = values.Length;
        var sum = 0.0;
        foreach (var v in values)
        {
            sum += v;
        }

        var mean = sum / n;
        var squares = 0.0;
        foreach (var v in values)
        {
            squares += (v - mean) * (v - mean);
        }

        var std = n > 1 ? Math.Sqrt(squares / (n - 1)) : 0;
        var half = n > 1 ? StudentT.Quantile(0.5 + (confidence / 2), n - 1) * std / Math.Sqrt(n) : double.PositiveInfinity;
        var sorted = values.ToArray();
        Array.Sort(sorted);
        return new KpiSummary(
            n, mean, std, mean - half, mean + half, half,
            Percentile.Of(sorted, 0.05), Percentile.Of(sorted, 0.5), Percentile.Of(sorted, 0.95), sorted[0], sorted[^1]);
    }

    /// <summary>The half-width relative to the mean's magnitude (+∞ for a mean of 0): what sequential stopping compares with its target.</summary>
    public double RelativeHalfWidth => Mean == 0 ? double.PositiveInfinity : HalfWidth / Math.Abs(Mean);
}
