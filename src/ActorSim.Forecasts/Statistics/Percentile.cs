namespace ActorSim.Forecasts.Statistics;

/// <summary>Percentiles of a sample by linear interpolation between order statistics (Hyndman and Fan's type 7, numpy's and R's default).</summary>
public static class Percentile
{
    /// <summary>The <paramref name="p"/>-percentile (0 ≤ p ≤ 1) of <paramref name="sorted"/>, a non-empty sample in increasing order.</summary>
    public static double Of(ReadOnlySpan<double> sorted, double p)
    {
        if (sorted.IsEmpty)
        {
            throw new ArgumentException("A percentile needs at least one value.", nameof(sorted));
        }

        if (!(p >= 0 && p <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(p), p, "A percentile's probability lies between 0 and 1.");
        }

        var h = (sorted.Length - 1) * p;
        var below = (int)Math.Floor(h);
        var above = Math.Min(below + 1, sorted.Length - 1);
        return sorted[below] + ((h - below) * (sorted[above] - sorted[below]));
    }
}
