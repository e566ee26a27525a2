using ActorSim.Model.Distributions;

namespace ActorSim.Model.Plants.Internal;

/// <summary>The smallest value a distribution can draw, used to check a link's delay against its lookahead before any run.</summary>
internal static class DelayBounds
{
    public static double Minimum(DistributionConfig delay) => delay.Kind switch
    {
        DistributionKind.Constant => delay.Value,
        DistributionKind.Uniform or DistributionKind.Triangular => delay.Min,
        DistributionKind.Empirical => delay.Values.Min(),
        DistributionKind.Normal => double.NegativeInfinity,
        _ => 0, // exponential, lognormal, gamma, weibull, erlang: unbounded down to 0
    };
}
