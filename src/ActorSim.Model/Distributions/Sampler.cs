using ActorSim.Model.Random;

namespace ActorSim.Model.Distributions;

/// <summary>Temporary.</summary>
public sealed class Sampler(RandomStream stream, double minDelay = 1e-5)
{
    /// <summary>Stream.</summary>
    public RandomStream Stream => stream;

    /// <summary>Sample.</summary>
    public double Sample(DistributionConfig config)
    {
        double x;
        if (config.Kind == DistributionKind.Exponential)
        {
            x = -Math.Log(1 - stream.NextDouble()) / config.A;
        }
        else
        {
            double u, v, s;
            do
            {
                u = 2 * stream.NextDouble() - 1;
                v = 2 * stream.NextDouble() - 1;
                s = u * u + v * v;
            }
            while (s >= 1 || s == 0);
            x = config.A + config.B * u * Math.Sqrt(-2 * Math.Log(s) / s);
        }

        return x < minDelay ? minDelay : x;
    }
}
