using System.Globalization;
using ActorSim.Model.Random;

namespace ActorSim.Model.Distributions;

/// <summary>
/// A distribution with live parameters: <see cref="Set"/> changes a parameter at run time and the next
/// <see cref="Sampler.Sample"/> sees it. Parameters are validated on creation and on every change.
/// Not thread-safe: change it on the thread that samples it (the owning actor).
/// </summary>
public sealed class DistributionConfig
{
    private static readonly string[] KindNames =
        ["exponential", "normal", "lognormal", "uniform", "triangular", "constant", "gamma", "weibull", "erlang", "empirical"];

    private static readonly string[][] KindParameters =
    [
        ["rate"], ["mean", "std"], ["mean", "std"], ["min", "max"], ["min", "mode", "max"], ["value"],
        ["shape", "scale"], ["shape", "scale"], ["k", "rate"], [],
    ];

    private double _rate;
    private double _mean;
    private double _std;
    private double _min;
    private double _mode;
    private double _max;
    private double _value;
    private double _shape;
    private double _scale;
    private double _k;

    private DistributionConfig(DistributionKind kind)
    {
        Kind = kind;
    }

    /// <summary>The family of this distribution.</summary>
    public DistributionKind Kind { get; }

    /// <summary>The lower-case name of the family, e.g. <c>"exponential"</c>.</summary>
    public string Name => KindNames[(int)Kind];

    /// <summary>The live scalar parameters in registry order, e.g. <c>["mean", "std"]</c>; none for empirical.</summary>
    public IReadOnlyList<string> ParameterNames => KindParameters[(int)Kind];

    /// <summary>The mean of the distribution before the sampler's minimum delay is applied.</summary>
    public double TheoreticalMean => Kind switch
    {
        DistributionKind.Exponential => 1.0 / _rate,
        DistributionKind.Normal or DistributionKind.Lognormal => _mean,
        DistributionKind.Uniform => (_min + _max) / 2,
        DistributionKind.Triangular => (_min + _mode + _max) / 3,
        DistributionKind.Constant => _value,
        DistributionKind.Gamma => _shape * _scale,
        DistributionKind.Weibull => _scale * SpecialFunctions.Gamma(1 + 1 / _shape),
        DistributionKind.Erlang => _k / _rate,
        _ => EmpiricalMean(),
    };

    /// <summary>The variance of the distribution before the sampler's minimum delay is applied.</summary>
    public double TheoreticalVariance => Kind switch
    {
        DistributionKind.Exponential => 1.0 / (_rate * _rate),
        DistributionKind.Normal or DistributionKind.Lognormal => _std * _std,
        DistributionKind.Uniform => (_max - _min) * (_max - _min) / 12,
        DistributionKind.Triangular =>
            (_min * _min + _mode * _mode + _max * _max - _min * _mode - _min * _max - _mode * _max) / 18,
        DistributionKind.Constant => 0.0,
        DistributionKind.Gamma => _shape * _scale * _scale,
        DistributionKind.Weibull => _scale * _scale * (SpecialFunctions.Gamma(1 + 2 / _shape) - Square(SpecialFunctions.Gamma(1 + 1 / _shape))),
        DistributionKind.Erlang => _k / (_rate * _rate),
        _ => EmpiricalVariance(),
    };

    // Values the sampler reads on every draw: plain fields, kept current by Set.
    internal double Rate => _rate;

    internal double Mean => _mean;

    internal double Std => _std;

    internal double Min => _min;

    internal double Mode => _mode;

    internal double Max => _max;

    internal double Value => _value;

    internal double Shape => _shape;

    internal double Scale => _scale;

    internal double K => _k;

    /// <summary>Lognormal: mean of the underlying normal, ln(m^2 / sqrt(s^2 + m^2)).</summary>
    internal double LogMu { get; private set; }

    /// <summary>Lognormal: standard deviation of the underlying normal, sqrt(ln(1 + s^2 / m^2)).</summary>
    internal double LogSigma { get; private set; }

    /// <summary>Gamma and Erlang: Marsaglia–Tsang's d (shape - 1/3, or shape + 2/3 when boosting).</summary>
    internal double GammaD { get; private set; }

    /// <summary>Gamma and Erlang: Marsaglia–Tsang's c = 1 / sqrt(9 d).</summary>
    internal double GammaC { get; private set; }

    /// <summary>Gamma with shape below 1: 1 / shape for the U^(1/shape) boost; 0 when no boost is needed.</summary>
    internal double GammaBoostExponent { get; private set; }

    /// <summary>Empirical: the values.</summary>
    internal double[] Values { get; private set; } = [];

    /// <summary>Empirical: running sums of the weights up to the last positive one, or null for a uniform pick.</summary>
    internal double[]? CumulativeWeights { get; private set; }

    /// <summary>Empirical: the weights as given, or null for a uniform pick.</summary>
    internal double[]? Weights { get; private set; }

    /// <summary>An independent copy with the same parameters (each run needs its own live objects).</summary>
    public DistributionConfig Clone() => (DistributionConfig)MemberwiseClone(); // arrays are never mutated after creation

    /// <summary>An exponential distribution; <paramref name="rate"/> 0 means the event never happens.</summary>
    public static DistributionConfig Exponential(double rate) => Build(DistributionKind.Exponential, rate);

    /// <summary>A normal distribution.</summary>
    public static DistributionConfig Normal(double mean, double std) => Build(DistributionKind.Normal, mean, std);

    /// <summary>A lognormal distribution whose values have the given <paramref name="mean"/> and <paramref name="std"/>.</summary>
    public static DistributionConfig Lognormal(double mean, double std) => Build(DistributionKind.Lognormal, mean, std);

    /// <summary>A uniform distribution on [<paramref name="min"/>, <paramref name="max"/>).</summary>
    public static DistributionConfig Uniform(double min, double max) => Build(DistributionKind.Uniform, min, max);

    /// <summary>A triangular distribution.</summary>
    public static DistributionConfig Triangular(double min, double mode, double max) =>
        Build(DistributionKind.Triangular, min, mode, max);

    /// <summary>A distribution that always gives <paramref name="value"/>.</summary>
    public static DistributionConfig Constant(double value) => Build(DistributionKind.Constant, value);

    /// <summary>A gamma distribution (mean shape × scale).</summary>
    public static DistributionConfig Gamma(double shape, double scale) => Build(DistributionKind.Gamma, shape, scale);

    /// <summary>A Weibull distribution.</summary>
    public static DistributionConfig Weibull(double shape, double scale) => Build(DistributionKind.Weibull, shape, scale);

    /// <summary>An Erlang distribution: the time until the <paramref name="k"/>-th event at <paramref name="rate"/>.</summary>
    public static DistributionConfig Erlang(int k, double rate) => Build(DistributionKind.Erlang, k, rate);

    /// <summary>
    /// A pick among <paramref name="values"/>, weighted by <paramref name="weights"/> (same length, finite,
    /// non-negative, with a positive sum) or uniform when no weights are given.
    /// </summary>
    public static DistributionConfig Empirical(IReadOnlyList<double> values, IReadOnlyList<double>? weights = null)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            throw new ArgumentException("An empirical distribution needs at least one value.", nameof(values));
        }

        var copy = new double[values.Count];
        for (int i = 0; i < copy.Length; i++)
        {
            copy[i] = values[i];
            if (!double.IsFinite(copy[i]))
            {
                throw new ArgumentException(
                    $"Empirical value {i} is {Format(copy[i])}; every value must be a finite number.", nameof(values));
            }
        }

        var config = new DistributionConfig(DistributionKind.Empirical) { Values = copy };
        if (weights is not null)
        {
            config.Weights = [.. weights];
            config.CumulativeWeights = Accumulate(weights, copy.Length);
        }

        return config;
    }

    /// <summary>
    /// Builds a distribution from its name (case-insensitive, e.g. from a blueprint) and its scalar parameters;
    /// every parameter in <see cref="ParameterNames"/> must be given and no other.
    /// </summary>
    public static DistributionConfig Create(string dist, IReadOnlyDictionary<string, double> parameters)
    {
        ArgumentNullException.ThrowIfNull(dist);
        ArgumentNullException.ThrowIfNull(parameters);
        int index = Array.IndexOf(KindNames, dist.Trim().ToLowerInvariant());
        if (index < 0)
        {
            throw new ArgumentException(
                $"Unknown distribution '{dist}'; the known distributions are {string.Join(", ", KindNames)}.", nameof(dist));
        }

        var kind = (DistributionKind)index;
        if (kind == DistributionKind.Empirical)
        {
            throw new ArgumentException(
                "The empirical distribution takes a list of values and weights, not scalar parameters; "
                + "build it with DistributionConfig.Empirical(values, weights).", nameof(dist));
        }

        string[] names = KindParameters[index];
        foreach (string given in parameters.Keys)
        {
            if (Array.IndexOf(names, given) < 0)
            {
                throw new ArgumentException(
                    $"Unknown parameter '{given}' for the {KindNames[index]} distribution; its parameters are {string.Join(", ", names)}.",
                    nameof(parameters));
            }
        }

        var values = new double[names.Length];
        for (int i = 0; i < names.Length; i++)
        {
            if (!parameters.TryGetValue(names[i], out values[i]))
            {
                throw new ArgumentException(
                    $"The {KindNames[index]} distribution needs parameter '{names[i]}'; its parameters are {string.Join(", ", names)}.",
                    nameof(parameters));
            }
        }

        return Build(kind, values);
    }

    /// <summary>The current value of <paramref name="parameter"/>.</summary>
    public double Get(string parameter)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        return Slot(parameter);
    }

    /// <summary>
    /// Why <paramref name="value"/> would be refused for <paramref name="parameter"/> given the other current
    /// parameters, or null when it is acceptable.
    /// </summary>
    public string? Validate(string parameter, double value)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        if (Array.IndexOf(KindParameters[(int)Kind], parameter) < 0)
        {
            return UnknownParameter(parameter);
        }

        string? rule = Rule(parameter, value);
        return rule is null
            ? null
            : $"Parameter '{parameter}' of the {Name} distribution cannot be {Format(value)}: {rule}.";
    }

    /// <summary>Changes <paramref name="parameter"/>; the next draw uses the new value.</summary>
    /// <exception cref="ArgumentException">The parameter is unknown or the value breaks its rule.</exception>
    public void Set(string parameter, double value)
    {
        string? refusal = Validate(parameter, value);
        if (refusal is not null)
        {
            throw new ArgumentException(refusal);
        }

        Slot(parameter) = value;
        Refresh();
    }

    /// <inheritdoc />
    public override string ToString()
    {
        if (Kind == DistributionKind.Empirical)
        {
            return string.Create(CultureInfo.InvariantCulture,
                $"empirical({Values.Length} values, {(CumulativeWeights is null ? "uniform" : "weighted")})");
        }

        string[] names = KindParameters[(int)Kind];
        var parts = new string[names.Length];
        for (int i = 0; i < names.Length; i++)
        {
            parts[i] = $"{names[i]}={Format(Get(names[i]))}";
        }

        return $"{Name}({string.Join(", ", parts)})";
    }

    private static DistributionConfig Build(DistributionKind kind, params double[] values)
    {
        var config = new DistributionConfig(kind);
        string[] names = KindParameters[(int)kind];
        for (int i = 0; i < names.Length; i++)
        {
            config.Slot(names[i]) = values[i];
        }

        // Check after all are assigned so relations (min <= max) see the final values.
        for (int i = 0; i < names.Length; i++)
        {
            string? refusal = config.Validate(names[i], values[i]);
            if (refusal is not null)
            {
                throw new ArgumentException(refusal, names[i]);
            }
        }

        config.Refresh();
        return config;
    }

    private static double[] Accumulate(IReadOnlyList<double> weights, int count)
    {
        if (weights.Count != count)
        {
            throw new ArgumentException(
                $"An empirical distribution needs one weight per value: {count} values but {weights.Count} weights.",
                nameof(weights));
        }

        var cumulative = new double[count];
        double total = 0;
        int lastPositive = 0;
        for (int i = 0; i < count; i++)
        {
            double w = weights[i];
            if (!double.IsFinite(w) || w < 0)
            {
                throw new ArgumentException(
                    $"Empirical weight {i} is {Format(w)}; every weight must be a finite number >= 0.", nameof(weights));
            }

            total += w;
            cumulative[i] = total;
            lastPositive = w > 0 ? i : lastPositive;
        }

        if (!(total > 0) || !double.IsFinite(total))
        {
            throw new ArgumentException(
                $"The empirical weights sum to {Format(total)}; they must sum to a finite number > 0.", nameof(weights));
        }

        // Trailing zero weights are cut off so that even a draw that rounds up to the total never picks them.
        return cumulative[..(lastPositive + 1)];
    }

    private static double Square(double x) => x * x;

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private string? Rule(string parameter, double value)
    {
        if (!double.IsFinite(value))
        {
            return $"{parameter} must be a finite number";
        }

        return (Kind, parameter) switch
        {
            (DistributionKind.Exponential or DistributionKind.Erlang, "rate") when value < 0 =>
                "rate must be >= 0 (0 means the event never happens)",
            (DistributionKind.Normal or DistributionKind.Lognormal, "std") when value < 0 => "std must be >= 0",
            (DistributionKind.Lognormal, "mean") when value <= 0 => "a lognormal mean must be > 0",
            (DistributionKind.Uniform or DistributionKind.Triangular, "min") when value > (Kind == DistributionKind.Triangular ? _mode : _max) =>
                Kind == DistributionKind.Triangular
                    ? $"min must be <= mode (now {Format(_mode)})"
                    : $"min must be <= max (now {Format(_max)})",
            (DistributionKind.Uniform, "max") when value < _min => $"max must be >= min (now {Format(_min)})",
            (DistributionKind.Triangular, "mode") when value < _min || value > _max =>
                $"mode must lie between min and max (now {Format(_min)} and {Format(_max)})",
            (DistributionKind.Triangular, "max") when value < _mode => $"max must be >= mode (now {Format(_mode)})",
            (DistributionKind.Gamma or DistributionKind.Weibull, "shape") when value <= 0 => "shape must be > 0",
            (DistributionKind.Gamma or DistributionKind.Weibull, "scale") when value <= 0 => "scale must be > 0",
            (DistributionKind.Erlang, "k") when value < 1 || value > int.MaxValue || value != Math.Floor(value) =>
                "k must be a positive integer",
            _ => null,
        };
    }

    private string UnknownParameter(string parameter)
    {
        string[] names = KindParameters[(int)Kind];
        string known = names.Length == 0 ? "none (it is set by its values and weights)" : string.Join(", ", names);
        return $"The {Name} distribution has no parameter '{parameter}'; its parameters are {known}.";
    }

    private ref double Slot(string parameter)
    {
        if (Array.IndexOf(KindParameters[(int)Kind], parameter) >= 0)
        {
            switch (parameter)
            {
                case "rate": return ref _rate;
                case "mean": return ref _mean;
                case "std": return ref _std;
                case "min": return ref _min;
                case "mode": return ref _mode;
                case "max": return ref _max;
                case "value": return ref _value;
                case "shape": return ref _shape;
                case "scale": return ref _scale;
                case "k": return ref _k;
            }
        }

        throw new ArgumentException(UnknownParameter(parameter), nameof(parameter));
    }

    /// <summary>Recomputes the derived values the sampler reads.</summary>
    private void Refresh()
    {
        switch (Kind)
        {
            case DistributionKind.Lognormal:
                double m2 = _mean * _mean;
                double s2 = _std * _std;
                LogMu = DeterministicMath.Log(m2 / Math.Sqrt(s2 + m2));
                LogSigma = Math.Sqrt(DeterministicMath.Log(1 + s2 / m2));
                break;
            case DistributionKind.Gamma:
                SetGammaShape(_shape);
                break;
            case DistributionKind.Erlang:
                SetGammaShape(_k);
                break;
        }
    }

    private void SetGammaShape(double shape)
    {
        bool boost = shape < 1;
        GammaD = (boost ? shape + 1 : shape) - 1.0 / 3.0;
        GammaC = 1.0 / Math.Sqrt(9 * GammaD);
        GammaBoostExponent = boost ? 1.0 / shape : 0.0;
    }

    private double EmpiricalMean()
    {
        double sum = 0;
        for (int i = 0; i < Values.Length; i++)
        {
            sum += Weight(i) * Values[i];
        }

        return sum / TotalWeight();
    }

    private double EmpiricalVariance()
    {
        double mean = EmpiricalMean();
        double sum = 0;
        for (int i = 0; i < Values.Length; i++)
        {
            double d = Values[i] - mean;
            sum += Weight(i) * d * d;
        }

        return sum / TotalWeight();
    }

    private double Weight(int i) => Weights is null ? 1.0 : Weights[i];

    private double TotalWeight() => CumulativeWeights is null ? Values.Length : CumulativeWeights[^1];
}
