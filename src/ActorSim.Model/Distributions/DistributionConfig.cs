namespace ActorSim.Model.Distributions;

/// <summary>Temporary minimal stand-in; replaced by the sampler branch.</summary>
public sealed class DistributionConfig
{
    private double _a;
    private double _b;

    private DistributionConfig(DistributionKind kind, double a, double b)
    {
        Kind = kind;
        _a = a;
        _b = b;
    }

    /// <summary>Kind.</summary>
    public DistributionKind Kind { get; }

    /// <summary>Name.</summary>
    public string Name => Kind == DistributionKind.Exponential ? "exponential" : "normal";

    /// <summary>Parameter names.</summary>
    public IReadOnlyList<string> ParameterNames => Kind == DistributionKind.Exponential ? ["rate"] : ["mean", "std"];

    /// <summary>Exponential.</summary>
    public static DistributionConfig Exponential(double rate) => new(DistributionKind.Exponential, rate, 0);

    /// <summary>Normal.</summary>
    public static DistributionConfig Normal(double mean, double std) => new(DistributionKind.Normal, mean, std);

    /// <summary>Get.</summary>
    public double Get(string parameter) => parameter is "rate" or "mean" ? _a : _b;

    /// <summary>Validate.</summary>
    public string? Validate(string parameter, double value) => value < 0 ? $"{parameter} must be >= 0" : null;

    /// <summary>Set.</summary>
    public void Set(string parameter, double value)
    {
        if (parameter is "rate" or "mean")
        {
            _a = value;
        }
        else
        {
            _b = value;
        }
    }

    /// <summary>Clone.</summary>
    public DistributionConfig Clone() => new(Kind, _a, _b);

    internal double A => _a;

    internal double B => _b;
}
