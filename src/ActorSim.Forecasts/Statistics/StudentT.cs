namespace ActorSim.Forecasts.Statistics;

/// <summary>Student's t distribution: its CDF through the incomplete beta function, and its quantiles by bisection on it.</summary>
public static class StudentT
{
    /// <summary>P(T ≤ <paramref name="t"/>) for <paramref name="degreesOfFreedom"/> &gt; 0.</summary>
    public static double Cdf(double t, double degreesOfFreedom)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(degreesOfFreedom);
        var x = degreesOfFreedom / (degreesOfFreedom + (t * t));
        var tail = 0.5 * SpecialMath.IncompleteBeta(degreesOfFreedom / 2, 0.5, x);
        return t >= 0 ? 1 - tail : tail;
    }

    /// <summary>The <paramref name="p"/>-quantile (0 &lt; p &lt; 1) for <paramref name="degreesOfFreedom"/> &gt; 0, to about 1e-12.</summary>
    public static double Quantile(double p, double degreesOfFreedom)
    {
        if (!(p > 0 && p < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(p), p, "A quantile's probability lies strictly between 0 and 1.");
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(degreesOfFreedom);
        if (p < 0.5)
        {
            return -Quantile(1 - p, degreesOfFreedom);
        }

        var (low, high) = (0.0, 1.0);
        while (Cdf(high, degreesOfFreedom) < p)
        {
            (low, high) = (high, high * 2);
        }

        for (var i = 0; i < 200 && high - low > 1e-13 * Math.Max(1, high); i++)
        {
            var middle = 0.5 * (low + high);
            if (Cdf(middle, degreesOfFreedom) < p)
            {
                low = middle;
            }
            else
            {
                high = middle;
            }
        }

        return 0.5 * (low + high);
    }
}
