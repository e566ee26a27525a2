using ActorSim.Model.Distributions;
using ActorSim.Model.Random;
using ActorSim.Model.Tests.Support;

namespace ActorSim.Model.Tests.Distributions;

/// <summary>Residual draws against theory: conditional means in closed form or by integration, and whole laws by KS.</summary>
public class ResidualMomentTests
{
    private const int Draws = 200_000;

    /// <summary>How many standard errors a sample moment may stray; the seeds are fixed, so this never flakes.</summary>
    private const double Tolerance = 5.0;

    /// <summary>sqrt(n) · D above this has probability 0.001 for draws from the claimed law.</summary>
    private const double KolmogorovSmirnovLimit = 1.95;

    private static readonly Dictionary<string, Func<DistributionConfig>> Configs = new()
    {
        ["exponential(rate 2)"] = () => DistributionConfig.Exponential(2),
        ["uniform(1, 3)"] = () => DistributionConfig.Uniform(1, 3),
        ["normal(10, 2)"] = () => DistributionConfig.Normal(10, 2),
        ["lognormal(5, 1.5)"] = () => DistributionConfig.Lognormal(5, 1.5),
        ["triangular(1, 2, 6)"] = () => DistributionConfig.Triangular(1, 2, 6),
        ["weibull(2, 3)"] = () => DistributionConfig.Weibull(2, 3),
        ["weibull(0.5, 1)"] = () => DistributionConfig.Weibull(0.5, 1),
        ["weibull(3, 1)"] = () => DistributionConfig.Weibull(3, 1),
        ["erlang(3, 2)"] = () => DistributionConfig.Erlang(3, 2),
        ["erlang(2000, 1)"] = () => DistributionConfig.Erlang(2000, 1),
        ["gamma(2.5, 1.5)"] = () => DistributionConfig.Gamma(2.5, 1.5),
        ["gamma(0.4, 2)"] = () => DistributionConfig.Gamma(0.4, 2),
        ["gamma(8.5, 1)"] = () => DistributionConfig.Gamma(8.5, 1),
        ["gamma(30.5, 1)"] = () => DistributionConfig.Gamma(30.5, 1),
        ["gamma(3, 0.5)"] = () => DistributionConfig.Gamma(3, 0.5),
        ["empirical([1, 2, 4, 10], [1, 3, 2, 1])"] = () => DistributionConfig.Empirical([1, 2, 4, 10], [1, 3, 2, 1]),
        ["empirical([1, 2, 3, 4])"] = () => DistributionConfig.Empirical([1, 2, 3, 4]),
    };

    /// <summary>Cases whose conditional mean E[X − e | X &gt; e] has a closed form.</summary>
    public static TheoryData<string, double, double> ClosedFormMeans => new()
    {
        { "exponential(rate 2)", 3, 0.5 }, // memoryless: 1 / rate
        { "uniform(1, 3)", 0.5, 1.5 }, // e below min: E[X] − e
        { "uniform(1, 3)", 2, 0.5 }, // U(2, 3) − 2
        { "normal(10, 2)", 6, NormalMean(10, 2, 6) }, // alpha = −2
        { "normal(10, 2)", 10, NormalMean(10, 2, 10) }, // at the mean: 2 phi(0) / 0.5
        { "normal(10, 2)", 12, NormalMean(10, 2, 12) }, // mean + 1 sigma
        { "normal(10, 2)", 18, NormalMean(10, 2, 18) }, // mean + 4 sigma, far in the tail
        { "lognormal(5, 1.5)", 5, LognormalMean(5, 1.5, 5) },
        { "lognormal(5, 1.5)", 9, LognormalMean(5, 1.5, 9) },
        { "triangular(1, 2, 6)", 3, 1 }, // past the mode: triangular(0, 0, 3)
        { "empirical([1, 2, 4, 10], [1, 3, 2, 1])", 1.5, (3 * 0.5 + 2 * 2.5 + 1 * 8.5) / 6 },
        { "empirical([1, 2, 3, 4])", 2.5, (0.5 + 1.5) / 2 },
    };

    /// <summary>Cases whose conditional mean and variance come from integrating the density (given by its log).</summary>
    public static TheoryData<string, double> IntegratedCases => new()
    {
        { "triangular(1, 2, 6)", 1.5 },
        { "weibull(2, 3)", 2 },
        { "weibull(0.5, 1)", 2 },
        { "weibull(3, 1)", 2.5 },
        { "erlang(3, 2)", 1 },
        { "erlang(3, 2)", 5 },
        { "erlang(2000, 1)", 2000 },
        { "gamma(2.5, 1.5)", 3 }, // mostly plain rejection
        { "gamma(2.5, 1.5)", 30 }, // far tail: the exact tail sampler, shape above 1
        { "gamma(8.5, 1)", 20 }, // the tail sampler alone
        { "gamma(30.5, 1)", 36 }, // 1 sd above the mean: plain rejection, and the tail sampler after 16 misses
        { "gamma(0.4, 2)", 0.5 },
        { "gamma(0.4, 2)", 10 }, // mostly the tail sampler, shape below 1
        { "gamma(3, 0.5)", 1 }, // integer shape: the Erlang mixture
    };

    [Theory]
    [MemberData(nameof(ClosedFormMeans))]
    public void SampleResidual_should_have_the_closed_form_conditional_mean(string name, double elapsed, double mean)
    {
        var moments = new SampleMoments(Residuals(name, elapsed));

        double error = Tolerance * moments.MeanStandardError(moments.Variance);
        Assert.InRange(moments.Mean, mean - error, mean + error);
    }

    [Theory]
    [MemberData(nameof(IntegratedCases))]
    public void SampleResidual_should_have_the_integrated_conditional_mean_and_variance(string name, double elapsed)
    {
        var (logDensity, upper) = Density(name, elapsed);
        var (mean, variance) = ResidualReference.Moments(logDensity, elapsed, upper);

        var moments = new SampleMoments(Residuals(name, elapsed));

        double meanError = Tolerance * moments.MeanStandardError(moments.Variance);
        double varianceError = Tolerance * moments.VarianceStandardError(variance);
        Assert.InRange(moments.Mean, mean - meanError, mean + meanError);
        Assert.InRange(moments.Variance, variance - varianceError, variance + varianceError);
    }

    [Fact]
    public void SampleResidual_should_give_a_uniform_on_what_is_left_of_a_uniform()
    {
        // U(1, 3) after 2 s: U(0, 1).
        AssertLaw("uniform(1, 3)", 2, y => Math.Clamp(y, 0, 1));
    }

    [Theory]
    [InlineData(6.0)]
    [InlineData(12.0)]
    [InlineData(18.0)]
    public void SampleResidual_should_give_a_truncated_normal(double elapsed)
    {
        double alpha = (elapsed - 10) / 2;
        AssertLaw("normal(10, 2)", elapsed, y => 1 - NormalReference.Survival(alpha + y / 2) / NormalReference.Survival(alpha));
    }

    [Fact]
    public void SampleResidual_should_give_a_truncated_lognormal()
    {
        (double mu, double sigma) = LogParameters(5, 1.5);
        double survivalAtElapsed = NormalReference.Survival((Math.Log(9) - mu) / sigma);
        AssertLaw("lognormal(5, 1.5)", 9,
            y => 1 - NormalReference.Survival((Math.Log(9 + y) - mu) / sigma) / survivalAtElapsed);
    }

    [Fact]
    public void SampleResidual_should_follow_the_conditional_weibull_survival()
    {
        // S(e + y) / S(e) = exp((e/3)^2 − ((e + y)/3)^2) for weibull(2, 3).
        AssertLaw("weibull(2, 3)", 2, y => 1 - Math.Exp(4.0 / 9 - (2 + y) * (2 + y) / 9));
    }

    [Fact]
    public void SampleResidual_should_follow_the_conditional_erlang_survival()
    {
        // erlang(3, 2): S(x) = exp(−2x) (1 + 2x + (2x)^2 / 2).
        static double Survival(double x) => Math.Exp(-2 * x) * (1 + 2 * x + 2 * x * x);
        AssertLaw("erlang(3, 2)", 1, y => 1 - Survival(1 + y) / Survival(1));
    }

    [Fact]
    public void SampleResidual_should_follow_the_conditional_triangular_law()
    {
        // triangular(1, 2, 6): S(x) = 1 − (x − 1)^2 / 5 up to the mode, (6 − x)^2 / 20 after it.
        static double Survival(double x) => x < 2 ? 1 - (x - 1) * (x - 1) / 5 : x >= 6 ? 0 : (6 - x) * (6 - x) / 20;
        AssertLaw("triangular(1, 2, 6)", 1.5, y => 1 - Survival(1.5 + y) / Survival(1.5));
    }

    private static void AssertLaw(string name, double elapsed, Func<double, double> cdf)
    {
        double statistic = ResidualReference.ScaledKolmogorovSmirnov(Residuals(name, elapsed), cdf);

        Assert.InRange(statistic, 0, KolmogorovSmirnovLimit);
    }

    private static double[] Residuals(string name, double elapsed)
    {
        var config = Configs[name]();
        var sampler = new Sampler(RandomStream.Create(2024, $"{name} after {elapsed}"), minDelay: 0);
        var draws = new double[Draws];
        for (int i = 0; i < Draws; i++)
        {
            draws[i] = sampler.SampleResidual(config, elapsed);
        }

        return draws;
    }

    /// <summary>The log density up to a constant and an upper limit past which the tail is negligible.</summary>
    private static (Func<double, double> LogDensity, double Upper) Density(string name, double elapsed) => name switch
    {
        "triangular(1, 2, 6)" => (x => Math.Log(x < 2 ? 2 * (x - 1) / 5 : 2 * (6 - x) / 20), 6),
        "weibull(2, 3)" => (x => Math.Log(x) - x * x / 9, elapsed + 30),
        "weibull(0.5, 1)" => (x => -0.5 * Math.Log(x) - Math.Sqrt(x), 4_000),
        "weibull(3, 1)" => (x => 2 * Math.Log(x) - x * x * x, elapsed + 5),
        "erlang(3, 2)" => (x => 2 * Math.Log(x) - 2 * x, elapsed + 40),
        "erlang(2000, 1)" => (x => 1999 * Math.Log(x) - x, elapsed + 1_000),
        "gamma(2.5, 1.5)" => (x => 1.5 * Math.Log(x) - x / 1.5, elapsed + 100),
        "gamma(0.4, 2)" => (x => -0.6 * Math.Log(x) - x / 2, elapsed + 120),
        "gamma(8.5, 1)" => (x => 7.5 * Math.Log(x) - x, elapsed + 80),
        "gamma(30.5, 1)" => (x => 29.5 * Math.Log(x) - x, elapsed + 80),
        "gamma(3, 0.5)" => (x => 2 * Math.Log(x) - 2 * x, elapsed + 40),
        _ => throw new ArgumentException($"No density for {name}.", nameof(name)),
    };

    /// <summary>E[X − e | X &gt; e] = mu + sigma phi(alpha) / (1 − Phi(alpha)) − e with alpha = (e − mu) / sigma.</summary>
    private static double NormalMean(double mu, double sigma, double elapsed)
    {
        double alpha = (elapsed - mu) / sigma;
        return mu + sigma * NormalReference.Density(alpha) / NormalReference.Survival(alpha) - elapsed;
    }

    /// <summary>E[X | X &gt; e] = exp(mu + sigma^2 / 2) (1 − Phi(alpha − sigma)) / (1 − Phi(alpha)), alpha = (ln e − mu) / sigma.</summary>
    private static double LognormalMean(double mean, double std, double elapsed)
    {
        (double mu, double sigma) = LogParameters(mean, std);
        double alpha = (Math.Log(elapsed) - mu) / sigma;
        return Math.Exp(mu + sigma * sigma / 2) * NormalReference.Survival(alpha - sigma) / NormalReference.Survival(alpha)
            - elapsed;
    }

    /// <summary>The underlying normal of a lognormal with the given mean and standard deviation of its values.</summary>
    private static (double Mu, double Sigma) LogParameters(double mean, double std)
    {
        double sigma2 = Math.Log(1 + std * std / (mean * mean));
        return (Math.Log(mean) - sigma2 / 2, Math.Sqrt(sigma2));
    }
}
