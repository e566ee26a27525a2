namespace ActorSim.Model.Tests.Support;

/// <summary>The standard normal density and survival function, independent of the code under test.</summary>
internal static class NormalReference
{
    /// <summary>The standard normal density phi(z).</summary>
    public static double Density(double z) => Math.Exp(-0.5 * z * z) / Math.Sqrt(2 * Math.PI);

    /// <summary>P(Z &gt; z) = erfc(z / sqrt 2) / 2.</summary>
    public static double Survival(double z) => 0.5 * Erfc(z / Math.Sqrt(2));

    /// <summary>erfc by the Chebyshev fit of Numerical Recipes (erfcc): fractional error below 1.2e-7 everywhere.</summary>
    private static double Erfc(double x)
    {
        double z = Math.Abs(x);
        double t = 1 / (1 + 0.5 * z);
        double poly = -z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806
            + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
        double ans = t * Math.Exp(poly);
        return x >= 0 ? ans : 2 - ans;
    }
}
