namespace ActorSim.Forecasts.Statistics;

/// <summary>Percentiles of a sample by linear interpolation between order statistics (Hyndman and Fan's type 7, numpy's and R's default).</summary>
public static class Percentile
{
    /// <summary>The <paramref name="p"/>-percentile (0 ≤ p ≤ 1) of <paramref name="sorted"/>, a non-empty sample in increasing order.</summary>
    public static double Of(ReadOnlySpan<double> sorted, double p)
    {
        var (below, fraction) = Position(sorted.Length, p);
        var above = Math.Min(below + 1, sorted.Length - 1);
        return sorted[below] + (fraction * (sorted[above] - sorted[below]));
    }

    /// <summary>
    /// Where the <paramref name="p"/>-percentile of <paramref name="count"/> ordered values lies: the order statistic
    /// below it (from 0) and the share of the way to the next; throws on an empty sample or a p outside 0 to 1.
    /// </summary>
    internal static (int Below, double Fraction) Position(int count, double p)
    {
        if (count == 0)
        {
            throw new ArgumentException("A percentile needs at least one value.", nameof(count));
        }

        if (!(p >= 0 && p <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(p), p, "A percentile's probability lies between 0 and 1.");
        }

        var h = (count - 1) * p;
        var below = (int)Math.Floor(h);
        return (below, h - below);
    }
}
