namespace ActorSim.Model.Tests.Support;

/// <summary>Sample mean, variance and fourth central moment of a set of draws, with their standard errors.</summary>
internal sealed class SampleMoments
{
    public SampleMoments(IReadOnlyList<double> draws)
    {
        Count = draws.Count;
        double sum = 0;
        foreach (double x in draws)
        {
            sum += x;
        }

        Mean = sum / Count;
        double m2 = 0;
        double m4 = 0;
        foreach (double x in draws)
        {
            double d = x - Mean;
            double d2 = d * d;
            m2 += d2;
            m4 += d2 * d2;
        }

        Variance = m2 / (Count - 1);
        FourthCentralMoment = m4 / Count;
    }

    public int Count { get; }

    public double Mean { get; }

    public double Variance { get; }

    public double FourthCentralMoment { get; }

    /// <summary>Standard error of the sample mean for a distribution of the given variance.</summary>
    public double MeanStandardError(double variance) => Math.Sqrt(variance / Count);

    /// <summary>
    /// Standard error of the sample variance, sqrt((mu4 - sigma^4) / n), with mu4 estimated from the sample
    /// and sigma^2 the theoretical variance.
    /// </summary>
    public double VarianceStandardError(double variance) =>
        Math.Sqrt(Math.Max(FourthCentralMoment - variance * variance, 0) / Count);
}
