using System.Globalization;
using ActorSim.Model.Random;

namespace ActorSim.Model.Distributions;

// Residual draws: what is left of a task already in service, X − e given X > e.
public sealed partial class Sampler
{
    /// <summary>Plain gamma draws tried for X &gt; e before the exact tail sampler takes over.</summary>
    private const int GammaRejectionTries = 16;

    /// <summary>Erlang phase weights below this fraction of the largest are left out (a change below one ulp).</summary>
    private const double NegligiblePhaseWeight = 1e-20;

    /// <summary>
    /// Draws the remaining service time of a task that has been in service <paramref name="elapsed"/> seconds:
    /// X − elapsed given X &gt; elapsed, at least <see cref="MinDelay"/>; +infinity for rate 0.
    /// </summary>
    /// <remarks>
    /// Exact for every kind, to rounding. <paramref name="elapsed"/> &lt;= 0 conditions nothing: the value and the draws are those of
    /// <see cref="Sample"/>. A task past its distribution's support (a constant's value, a uniform's or triangular's max,
    /// every empirical value of positive weight) is overdue: it gets <see cref="MinDelay"/> and nothing is drawn.
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="elapsed"/> is NaN or infinite.</exception>
    public double SampleResidual(DistributionConfig config, double elapsed)
    {
        ArgumentNullException.ThrowIfNull(config);
        if (!double.IsFinite(elapsed))
        {
            throw new ArgumentOutOfRangeException(nameof(elapsed), elapsed,
                string.Create(CultureInfo.InvariantCulture,
                    $"The elapsed service time must be a finite number of seconds; {elapsed:R} was given."));
        }

        if (elapsed <= 0 || config.Kind == DistributionKind.Exponential)
        {
            return Sample(config); // nothing to condition on, or memoryless
        }

        double residual = config.Kind switch
        {
            DistributionKind.Normal => config.Std == 0
                ? config.Mean - elapsed
                : config.Std * NormalTailExcess((elapsed - config.Mean) / config.Std),
            DistributionKind.Lognormal => LognormalResidual(config.LogMu, config.LogSigma, elapsed),
            DistributionKind.Uniform => UniformResidual(config.Min, config.Max, elapsed),
            DistributionKind.Triangular => TriangularResidual(config.Min, config.Mode, config.Max, elapsed),
            DistributionKind.Constant => config.Value - elapsed,
            DistributionKind.Gamma => GammaResidual(config, elapsed),
            DistributionKind.Weibull => WeibullResidual(config.Shape, config.Scale, elapsed),
            DistributionKind.Erlang => config.Rate == 0
                ? double.PositiveInfinity
                : StandardErlangResidual((int)config.K, config.Rate * elapsed) / config.Rate,
            _ => EmpiricalResidual(config, elapsed),
        };

        return residual < _minDelay ? _minDelay : residual;
    }

    /// <summary>
    /// Z − alpha for a standard normal Z given Z &gt; alpha: plain rejection below 0 (at least half accepted), above it
    /// Robert's (1995) alpha + Exp(lambda) accepted with exp(−(Z − lambda)²/2) (at least 76 % accepted).
    /// </summary>
    private double NormalTailExcess(double alpha)
    {
        if (alpha < 0)
        {
            double z;
            do
            {
                z = StandardNormal();
            }
            while (z <= alpha);

            return z - alpha;
        }

        // lambda − alpha = (sqrt(alpha² + 4) − alpha) / 2, written without cancellation; 0 once alpha² overflows.
        double gap = 2 / (Math.Sqrt(alpha * alpha + 4) + alpha);
        double lambda = alpha + gap;
        while (true)
        {
            double y = -DeterministicMath.Log(_stream.NextDoubleOpen()) / lambda;
            double d = y - gap;
            if (DeterministicMath.Log(_stream.NextDoubleOpen()) <= -0.5 * d * d)
            {
                return y;
            }
        }
    }

    /// <summary>A truncated normal on the log scale: X = elapsed · exp(sigma · excess).</summary>
    private double LognormalResidual(double logMu, double logSigma, double elapsed)
    {
        if (logSigma == 0)
        {
            return DeterministicMath.Exp(logMu) - elapsed;
        }

        double excess = NormalTailExcess((DeterministicMath.Log(elapsed) - logMu) / logSigma);
        return elapsed * (DeterministicMath.Exp(logSigma * excess) - 1);
    }

    /// <summary>Uniform on [max(min, elapsed), max) less elapsed; 0 (overdue) from max on.</summary>
    private double UniformResidual(double min, double max, double elapsed)
    {
        if (elapsed >= max)
        {
            return 0;
        }

        double low = elapsed > min ? elapsed : min;
        return low - elapsed + (max - low) * _stream.NextDouble();
    }

    /// <summary>The triangular inverse CDF on u in [F(elapsed), 1]; 0 (overdue) from max on.</summary>
    private double TriangularResidual(double min, double mode, double max, double elapsed)
    {
        if (elapsed >= max)
        {
            return 0;
        }

        if (elapsed <= min)
        {
            return Triangular(min, mode, max) - elapsed;
        }

        double u = _stream.NextDouble();
        if (elapsed >= mode)
        {
            // Past the mode what is left is triangular on [0, max − elapsed] with its mode at 0.
            return (max - elapsed) * (1 - Math.Sqrt(1 - u));
        }

        double span = max - min;
        double left = mode - min;
        double below = (elapsed - min) * (elapsed - min) / (span * left);
        double p = below + (1 - below) * u;
        return p * span < left
            ? min + Math.Sqrt(p * span * left) - elapsed
            : max - Math.Sqrt((1 - below) * (1 - u) * span * (max - mode)) - elapsed;
    }

    /// <summary>The inverse of the conditional survival exp(h − (x/scale)^shape), h = (elapsed/scale)^shape.</summary>
    private double WeibullResidual(double shape, double scale, double elapsed)
    {
        double h = DeterministicMath.Exp(shape * DeterministicMath.Log(elapsed / scale));
        double e = -DeterministicMath.Log(_stream.NextDoubleOpen());
        double x = scale * DeterministicMath.Exp(DeterministicMath.Log(h + e) / shape);

        // With h past the largest double, what is left (about elapsed · e / (shape · h)) is 0 to double precision.
        return double.IsPositiveInfinity(h) ? 0 : x - elapsed;
    }

    /// <summary>
    /// An integer shape goes to the Erlang mixture; otherwise plain draws until one exceeds elapsed, and after
    /// <see cref="GammaRejectionTries"/> misses the exact tail sampler (both exact, so together exact).
    /// </summary>
    private double GammaResidual(DistributionConfig config, double elapsed)
    {
        double shape = config.Shape;
        double scale = config.Scale;
        if (shape == Math.Floor(shape) && shape <= int.MaxValue)
        {
            return scale * StandardErlangResidual((int)shape, elapsed / scale);
        }

        for (int i = 0; i < GammaRejectionTries; i++)
        {
            double x = scale * StandardGamma(config.GammaD, config.GammaC, config.GammaBoostExponent);
            if (x > elapsed)
            {
                return x - elapsed;
            }
        }

        return scale * StandardGammaTailExcess(shape, elapsed / scale);
    }

    /// <summary>
    /// X − t for X ~ Gamma(shape, 1) given X &gt; t, by rejection from Exp(b): for shape &lt;= 1, b = 1 accepted with
    /// (1 + y/t)^(shape − 1); above, Dagpunar's (1978) optimal b, the root of t b² + (shape − t) b − 1 = 0.
    /// Most proposals are accepted when t lies in the tail, where plain rejection misses.
    /// </summary>
    private double StandardGammaTailExcess(double shape, double t)
    {
        double a1 = shape - 1;
        if (a1 <= 0)
        {
            while (true)
            {
                double y = -DeterministicMath.Log(_stream.NextDoubleOpen());
                if (DeterministicMath.Log(_stream.NextDoubleOpen()) <= a1 * DeterministicMath.Log(1 + y / t))
                {
                    return y;
                }
            }
        }

        // The root, without cancellation or overflow; the ratio (t + y)^(a1) e^(−(1 − b) y) peaks at y = 1/b.
        double s = t - shape;
        double root = Math.Abs(s) >= 1 ? Math.Abs(s) * Math.Sqrt(1 + 4 * (t / s) / s) : Math.Sqrt(s * s + 4 * t);
        double b = s >= 0 ? (s + root) / (2 * t) : 2 / (root - s);
        double peak = 1 / b;
        while (true)
        {
            double y = -DeterministicMath.Log(_stream.NextDoubleOpen()) / b;
            double logRatio = a1 * DeterministicMath.Log((t + y) / (t + peak)) - (1 - b) * (y - peak);
            if (DeterministicMath.Log(_stream.NextDoubleOpen()) <= logRatio)
            {
                return y;
            }
        }
    }

    /// <summary>
    /// What is left of an Erlang(k, 1) variate known to exceed t: n ~ Poisson(t) phases are done, conditioned on
    /// n &lt; k, and the k − n left are whole (each phase is memoryless), so the residual is Gamma(k − n, 1).
    /// </summary>
    private double StandardErlangResidual(int k, double t)
    {
        int phasesLeft = k - PhasesDone(k - 1, t);
        double d = phasesLeft - 1.0 / 3.0;
        return StandardGamma(d, 1.0 / Math.Sqrt(9 * d), 0);
    }

    /// <summary>
    /// n in 0..<paramref name="most"/> with weights t^n / n!, relative to the mode's; weights below
    /// <see cref="NegligiblePhaseWeight"/> are left out, so a pick costs about sqrt(t) steps however large k is.
    /// </summary>
    private int PhasesDone(int most, double t)
    {
        if (most == 0)
        {
            return 0;
        }

        int mode = t >= most ? most : (int)t;
        int low = mode;
        double lowWeight = 1;
        while (low > 0)
        {
            double w = lowWeight * low / t;
            if (w < NegligiblePhaseWeight)
            {
                break;
            }

            lowWeight = w;
            low--;
        }

        // The total sums upwards from low with the arithmetic the pick repeats, so the pick ends at high at the latest.
        int high = low;
        double weight = lowWeight;
        double total = weight;
        while (high < most)
        {
            double w = weight * t / (high + 1);
            if (high >= mode && w < NegligiblePhaseWeight)
            {
                break;
            }

            weight = w;
            high++;
            total += weight;
        }

        double target = _stream.NextDouble() * total;
        int n = low;
        weight = lowWeight;
        double running = weight;
        while (running <= target && n < high)
        {
            n++;
            weight = weight * t / n;
            running += weight;
        }

        return n;
    }

    /// <summary>A weighted pick among the values above elapsed, less elapsed; 0 (overdue) when none has weight.</summary>
    private double EmpiricalResidual(DistributionConfig config, double elapsed)
    {
        double[] values = config.Values;
        double[]? weights = config.Weights;
        double total = 0;
        for (int i = 0; i < values.Length; i++)
        {
            if (values[i] > elapsed)
            {
                total += weights is null ? 1 : weights[i];
            }
        }

        if (total == 0)
        {
            return 0;
        }

        // The first value whose running sum exceeds the target; the last one of weight > 0 should rounding miss it.
        double target = _stream.NextDouble() * total;
        double running = 0;
        int chosen = 0;
        for (int i = 0; i < values.Length; i++)
        {
            double w = values[i] > elapsed ? (weights is null ? 1 : weights[i]) : 0;
            if (w > 0)
            {
                chosen = i;
                running += w;
                if (running > target)
                {
                    break;
                }
            }
        }

        return values[chosen] - elapsed;
    }
}
