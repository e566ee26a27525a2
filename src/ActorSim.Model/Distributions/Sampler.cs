using System.Runtime.CompilerServices;
using System.Globalization;
using ActorSim.Model.Random;

namespace ActorSim.Model.Distributions;

/// <summary>
/// Draws delays from <see cref="DistributionConfig"/>s with one <see cref="RandomStream"/>, reading the
/// config's live parameters on every draw. A draw below <see cref="MinDelay"/> becomes
/// <see cref="MinDelay"/> (dynamic-des's <c>max(min_delay, x)</c>); +infinity (rate 0) stays.
/// Only <see cref="DeterministicMath"/> and <see cref="Math.Sqrt"/> are used, so a seed gives the same
/// numbers on every platform. <see cref="SampleResidual"/> draws what is left of a task already under way.
/// Allocation-free; not thread-safe.
/// </summary>
public sealed partial class Sampler
{
    private readonly RandomStream _stream;
    private readonly double _minDelay;
    private double _spareNormal;
    private bool _hasSpareNormal;

    /// <summary>Creates a sampler drawing from <paramref name="stream"/>.</summary>
    /// <param name="stream">The random stream; the sampler becomes its only consumer.</param>
    /// <param name="minDelay">The smallest delay returned, in seconds: finite and at least 0.</param>
    public Sampler(RandomStream stream, double minDelay = 1e-5)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (!double.IsFinite(minDelay) || minDelay < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(minDelay), minDelay,
                string.Create(CultureInfo.InvariantCulture,
                    $"A sampler's minimum delay must be a finite number of seconds >= 0; {minDelay:R} was given."));
        }

        _stream = stream;
        _minDelay = minDelay;
    }

    /// <summary>The random stream this sampler draws from.</summary>
    public RandomStream Stream => _stream;

    /// <summary>The smallest delay <see cref="Sample"/> returns.</summary>
    public double MinDelay => _minDelay;

    /// <summary>The second normal of the last pair drawn, kept for the next normal draw; null when none is kept (for a snapshot).</summary>
    internal double? SpareNormal
    {
        get => _hasSpareNormal ? _spareNormal : null;
        set
        {
            _hasSpareNormal = value.HasValue;
            _spareNormal = value ?? 0;
        }
    }

    /// <summary>Draws one value from <paramref name="config"/> with its current parameters, at least <see cref="MinDelay"/>.</summary>
    [MethodImpl(HotPath.Options)]
    public double Sample(DistributionConfig config)
    {
        double x;
        switch (config.Kind)
        {
            case DistributionKind.Exponential:
                x = config.Rate == 0 ? double.PositiveInfinity : -DeterministicMath.Log(_stream.NextDoubleOpen()) / config.Rate;
                break;
            case DistributionKind.Normal:
                x = config.Mean + config.Std * StandardNormal();
                break;
            case DistributionKind.Lognormal:
                x = DeterministicMath.Exp(config.LogMu + config.LogSigma * StandardNormal());
                break;
            case DistributionKind.Uniform:
                x = config.Min + (config.Max - config.Min) * _stream.NextDouble();
                break;
            case DistributionKind.Triangular:
                x = Triangular(config.Min, config.Mode, config.Max);
                break;
            case DistributionKind.Constant:
                x = config.Value;
                break;
            case DistributionKind.Gamma:
                x = config.Scale * StandardGamma(config.GammaD, config.GammaC, config.GammaBoostExponent);
                break;
            case DistributionKind.Weibull:
                // scale * (-ln U)^(1/shape), the power taken as exp(ln(-ln U) / shape).
                double e = -DeterministicMath.Log(_stream.NextDoubleOpen());
                x = config.Scale * DeterministicMath.Exp(DeterministicMath.Log(e) / config.Shape);
                break;
            case DistributionKind.Erlang:
                x = config.Rate == 0
                    ? double.PositiveInfinity
                    : StandardGamma(config.GammaD, config.GammaC, config.GammaBoostExponent) / config.Rate;
                break;
            default:
                x = Empirical(config);
                break;
        }

        return x < _minDelay ? _minDelay : x;
    }

    /// <summary>A standard normal by Marsaglia's polar method; the second value of each pair is kept for the next call.</summary>
    [MethodImpl(HotPath.Options)]
    private double StandardNormal()
    {
        if (_hasSpareNormal)
        {
            _hasSpareNormal = false;
            return _spareNormal;
        }

        double u;
        double v;
        double s;
        do
        {
            u = 2 * _stream.NextDouble() - 1;
            v = 2 * _stream.NextDouble() - 1;
            s = u * u + v * v;
        }
        while (s >= 1 || s == 0);

        double factor = Math.Sqrt(-2 * DeterministicMath.Log(s) / s);
        _spareNormal = v * factor;
        _hasSpareNormal = true;
        return u * factor;
    }

    /// <summary>
    /// A gamma variate of scale 1 by Marsaglia and Tsang (2000) with their <paramref name="d"/> and <paramref name="c"/>,
    /// boosted by U^<paramref name="boost"/> (U^(1/shape) for shape below 1; 0 for none).
    /// </summary>
    private double StandardGamma(double d, double c, double boost)
    {
        double g;
        while (true)
        {
            double z;
            double v;
            do
            {
                z = StandardNormal();
                v = 1 + c * z;
            }
            while (v <= 0);

            v = v * v * v;
            double u = _stream.NextDoubleOpen();
            double z2 = z * z;
            if (u < 1 - 0.0331 * z2 * z2 || DeterministicMath.Log(u) < 0.5 * z2 + d * (1 - v + DeterministicMath.Log(v)))
            {
                g = d * v;
                break;
            }
        }

        return boost == 0 ? g : g * DeterministicMath.Exp(DeterministicMath.Log(_stream.NextDoubleOpen()) * boost);
    }

    private double Triangular(double min, double mode, double max)
    {
        double span = max - min;
        if (span == 0)
        {
            return min;
        }

        double u = _stream.NextDouble();
        double left = mode - min;
        return u * span < left
            ? min + Math.Sqrt(u * span * left)
            : max - Math.Sqrt((1 - u) * span * (max - mode));
    }

    private double Empirical(DistributionConfig config)
    {
        double[] values = config.Values;
        double[]? cumulative = config.CumulativeWeights;
        if (cumulative is null)
        {
            return values[_stream.NextInt(values.Length)];
        }

        // The first index whose running sum exceeds the target: weight-0 entries are never chosen.
        double target = _stream.NextDouble() * cumulative[^1];
        int lo = 0;
        int hi = cumulative.Length - 1;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] > target)
            {
                hi = mid;
            }
            else
            {
                lo = mid + 1;
            }
        }

        return values[lo];
    }
}
