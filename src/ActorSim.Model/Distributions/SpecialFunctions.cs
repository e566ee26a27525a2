using ActorSim.Model.Random;

namespace ActorSim.Model.Distributions;

/// <summary>Special functions for theoretical moments (not used when drawing).</summary>
internal static class SpecialFunctions
{
    private const double LanczosG = 7.0;

    private static readonly double[] LanczosCoefficients =
    [
        0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
        12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
    ];

    /// <summary>The gamma function for <paramref name="x"/> &gt;= 0.5 (Lanczos, g = 7, about 15 digits).</summary>
    public static double Gamma(double x)
    {
        x -= 1.0;
        double sum = LanczosCoefficients[0];
        for (int i = 1; i < LanczosCoefficients.Length; i++)
        {
            sum += LanczosCoefficients[i] / (x + i);
        }

        double t = x + LanczosG + 0.5;
        double logGamma = 0.5 * DeterministicMath.Log(2 * Math.PI) + (x + 0.5) * DeterministicMath.Log(t) - t + DeterministicMath.Log(sum);
        return DeterministicMath.Exp(logGamma);
    }
}
