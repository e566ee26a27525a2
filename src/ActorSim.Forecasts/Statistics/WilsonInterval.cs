namespace ActorSim.Forecasts.Statistics;

/// <summary>Wilson's score interval for a proportion: sound at 0 and n successes, where the Wald interval collapses.</summary>
public static class WilsonInterval
{
    /// <summary>The interval for <paramref name="successes"/> of <paramref name="trials"/> at <paramref name="confidence"/> (default 95 %).</summary>
    public static (double Low, double High) Of(long successes, long trials, double confidence = 0.95)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(trials);
        if (successes < 0 || successes > trials)
        {
            throw new ArgumentOutOfRangeException(nameof(successes), successes, $"Successes lie between 0 and the {trials} trials.");
        }

        var z = StandardNormal.Quantile(0.5 + (confidence / 2));
        var n = (double)trials;
        var share = successes / n;
        var z2 = z * z;
        var center = (share + (z2 / (2 * n))) / (1 + (z2 / n));
        var half = z * Math.Sqrt((share * (1 - share) / n) + (z2 / (4 * n * n))) / (1 + (z2 / n));
        // At 0 and at n successes the bound is exactly 0 or 1; computed, it can miss by an ulp.
        return (successes == 0 ? 0 : Math.Max(0, center - half), successes == trials ? 1 : Math.Min(1, center + half));
    }
}
