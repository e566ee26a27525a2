namespace ActorSim.Model.Distributions;

/// <summary>The family of a <see cref="DistributionConfig"/>.</summary>
public enum DistributionKind
{
    /// <summary>Exponential with a rate (events per second); rate 0 means the event never happens.</summary>
    Exponential,

    /// <summary>Normal with a mean and a standard deviation.</summary>
    Normal,

    /// <summary>Lognormal given by the mean and standard deviation of its values (not of their logarithm).</summary>
    Lognormal,

    /// <summary>Uniform between a minimum and a maximum.</summary>
    Uniform,

    /// <summary>Triangular with a minimum, a mode and a maximum.</summary>
    Triangular,

    /// <summary>Always the same value.</summary>
    Constant,

    /// <summary>Gamma with a shape and a scale.</summary>
    Gamma,

    /// <summary>Weibull with a shape and a scale.</summary>
    Weibull,

    /// <summary>Erlang: the sum of k exponentials of the same rate.</summary>
    Erlang,

    /// <summary>A weighted pick among observed values.</summary>
    Empirical,
}
