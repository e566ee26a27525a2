namespace ActorSim.Model.Tests.Support;

/// <summary>Theoretical residual quantities by numeric integration, independent of the code under test.</summary>
internal static class ResidualReference
{
    private const int Intervals = 200_000;

    /// <summary>
    /// The mean and variance of X − e given X &gt; e, from ∫ (x − e)^p f(x) dx / ∫ f(x) dx over [e, upper] by
    /// Simpson's rule; f is given by its logarithm up to a constant, which cancels.
    /// </summary>
    public static (double Mean, double Variance) Moments(Func<double, double> logDensity, double elapsed, double upper)
    {
        double offset = logDensity(elapsed);
        double h = (upper - elapsed) / Intervals;
        double mass = 0;
        double first = 0;
        double second = 0;
        for (int i = 0; i <= Intervals; i++)
        {
            double y = i * h;
            double weight = i == 0 || i == Intervals ? 1 : i % 2 == 1 ? 4 : 2;
            double f = Math.Exp(logDensity(elapsed + y) - offset);
            mass += weight * f;
            first += weight * y * f;
            second += weight * y * y * f;
        }

        double mean = first / mass;
        return (mean, second / mass - mean * mean);
    }

    /// <summary>sqrt(n) times the Kolmogorov–Smirnov distance between the draws and <paramref name="cdf"/>.</summary>
    public static double ScaledKolmogorovSmirnov(IReadOnlyList<double> draws, Func<double, double> cdf)
    {
        double[] sorted = [.. draws.Order()];
        int n = sorted.Length;
        double distance = 0;
        for (int i = 0; i < n; i++)
        {
            double f = cdf(sorted[i]);
            distance = Math.Max(distance, Math.Max(f - (double)i / n, (double)(i + 1) / n - f));
        }

        return Math.Sqrt(n) * distance;
    }
}
