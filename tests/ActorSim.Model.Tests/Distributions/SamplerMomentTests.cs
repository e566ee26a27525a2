using ActorSim.Model.Distributions;
using ActorSim.Model.Random;
using ActorSim.Model.Tests.Support;

namespace ActorSim.Model.Tests.Distributions;

public class SamplerMomentTests
{
    private const int Draws = 200_000;

    /// <summary>How many standard errors a sample moment may stray; the seeds are fixed, so this never flakes.</summary>
    private const double Tolerance = 5.0;

    private static readonly Dictionary<string, Func<DistributionConfig>> Configs = new()
    {
        ["exponential(rate 2)"] = () => DistributionConfig.Exponential(2),
        ["exponential(rate 0.1)"] = () => DistributionConfig.Exponential(0.1),
        ["normal(10, 2)"] = () => DistributionConfig.Normal(10, 2),
        ["lognormal(5, 1.5)"] = () => DistributionConfig.Lognormal(5, 1.5),
        ["lognormal(1, 0.1)"] = () => DistributionConfig.Lognormal(1, 0.1),
        ["uniform(2, 8)"] = () => DistributionConfig.Uniform(2, 8),
        ["triangular(1, 2, 6)"] = () => DistributionConfig.Triangular(1, 2, 6),
        ["triangular(0, 0, 3)"] = () => DistributionConfig.Triangular(0, 0, 3),
        ["gamma(2.5, 1.5)"] = () => DistributionConfig.Gamma(2.5, 1.5),
        ["gamma(0.4, 2)"] = () => DistributionConfig.Gamma(0.4, 2),
        ["weibull(2, 3)"] = () => DistributionConfig.Weibull(2, 3),
        ["weibull(1, 4)"] = () => DistributionConfig.Weibull(1, 4),
        ["weibull(0.5, 1)"] = () => DistributionConfig.Weibull(0.5, 1),
        ["erlang(3, 2)"] = () => DistributionConfig.Erlang(3, 2),
        ["erlang(1, 0.5)"] = () => DistributionConfig.Erlang(1, 0.5),
        ["empirical([1, 2, 10], [1, 3, 0])"] = () => DistributionConfig.Empirical([1, 2, 10], [1, 3, 0]),
        ["empirical([1, 2, 3, 4])"] = () => DistributionConfig.Empirical([1, 2, 3, 4]),
    };

    /// <summary>Each case with its mean and variance in closed form, worked out by hand.</summary>
    public static TheoryData<string, double, double> ClosedForms => new()
    {
        { "exponential(rate 2)", 0.5, 0.25 },
        { "exponential(rate 0.1)", 10, 100 },
        { "normal(10, 2)", 10, 4 },
        { "lognormal(5, 1.5)", LognormalMean(5, 1.5), LognormalVariance(5, 1.5) },
        { "lognormal(1, 0.1)", LognormalMean(1, 0.1), LognormalVariance(1, 0.1) },
        { "uniform(2, 8)", 5, 36.0 / 12 },
        { "triangular(1, 2, 6)", 3, 21.0 / 18 },
        { "triangular(0, 0, 3)", 1, 9.0 / 18 },
        { "gamma(2.5, 1.5)", 2.5 * 1.5, 2.5 * 1.5 * 1.5 },
        { "gamma(0.4, 2)", 0.8, 1.6 },
        { "weibull(2, 3)", 3 * Math.Sqrt(Math.PI) / 2, 9 * (1 - Math.PI / 4) },
        { "weibull(1, 4)", 4, 16 },
        { "weibull(0.5, 1)", 2, 20 }, // Gamma(3) = 2, Gamma(5) - Gamma(3)^2 = 24 - 4
        { "erlang(3, 2)", 1.5, 0.75 },
        { "erlang(1, 0.5)", 2, 4 },
        { "empirical([1, 2, 10], [1, 3, 0])", 1.75, 0.1875 },
        { "empirical([1, 2, 3, 4])", 2.5, 1.25 },
    };

    [Theory]
    [MemberData(nameof(ClosedForms))]
    public void TheoreticalMoments_should_equal_the_closed_forms(string name, double mean, double variance)
    {
        var config = Configs[name]();

        Assert.Equal(mean, config.TheoreticalMean, 1e-12 * Math.Max(1, Math.Abs(mean)));
        Assert.Equal(variance, config.TheoreticalVariance, 1e-11 * Math.Max(1, variance));
    }

    [Theory]
    [MemberData(nameof(ClosedForms))]
    public void Sample_should_have_the_theoretical_mean_and_variance(string name, double mean, double variance)
    {
        var config = Configs[name]();
        var sampler = new Sampler(RandomStream.Create(2024, name), minDelay: 0);

        var draws = new double[Draws];
        for (int i = 0; i < Draws; i++)
        {
            draws[i] = sampler.Sample(config);
        }

        var moments = new SampleMoments(draws);
        double meanError = Tolerance * moments.MeanStandardError(variance);
        double varianceError = Tolerance * moments.VarianceStandardError(variance);
        Assert.InRange(moments.Mean, mean - meanError, mean + meanError);
        Assert.InRange(moments.Mean, config.TheoreticalMean - meanError, config.TheoreticalMean + meanError);
        Assert.InRange(moments.Variance, variance - varianceError, variance + varianceError);
        Assert.InRange(moments.Variance, config.TheoreticalVariance - varianceError, config.TheoreticalVariance + varianceError);
    }

    [Fact]
    public void Sample_should_never_pick_an_empirical_value_of_weight_zero()
    {
        var config = DistributionConfig.Empirical([1, 2, 10, 20], [0, 3, 0, 1]);
        var sampler = new Sampler(RandomStream.Create(5, "empirical"));

        var seen = new HashSet<double>();
        for (int i = 0; i < 20_000; i++)
        {
            seen.Add(sampler.Sample(config));
        }

        Assert.Equal([2.0, 20.0], seen.Order());
    }

    [Fact]
    public void Sample_should_give_a_constant_exactly()
    {
        var sampler = new Sampler(RandomStream.Create(1, "constant"));

        Assert.All(Enumerable.Range(0, 100), _ => Assert.Equal(3.25, sampler.Sample(DistributionConfig.Constant(3.25))));
    }

    private static double LognormalMean(double m, double s)
    {
        // dynamic-des's parameters of the underlying normal, then the textbook lognormal moments.
        double mu = Math.Log(m * m / Math.Sqrt(s * s + m * m));
        double sigma2 = Math.Log(1 + s * s / (m * m));
        return Math.Exp(mu + sigma2 / 2);
    }

    private static double LognormalVariance(double m, double s)
    {
        double mu = Math.Log(m * m / Math.Sqrt(s * s + m * m));
        double sigma2 = Math.Log(1 + s * s / (m * m));
        return (Math.Exp(sigma2) - 1) * Math.Exp(2 * mu + sigma2);
    }
}
