using ActorSim.Model.Distributions;
using ActorSim.Model.Random;

namespace ActorSim.Model.Tests.Distributions;

public class ResidualSamplingTests
{
    private static readonly DistributionConfig[] AllKinds =
    [
        DistributionConfig.Exponential(2), DistributionConfig.Normal(5, 1), DistributionConfig.Lognormal(3, 1),
        DistributionConfig.Uniform(0, 4), DistributionConfig.Triangular(0, 1, 4), DistributionConfig.Constant(4),
        DistributionConfig.Gamma(0.7, 2), DistributionConfig.Gamma(2.5, 1), DistributionConfig.Gamma(3, 1),
        DistributionConfig.Weibull(1.5, 2), DistributionConfig.Erlang(4, 1),
        DistributionConfig.Empirical([1, 2, 3], [0.2, 0.3, 0.5]), DistributionConfig.Empirical([1, 2, 3, 8]),
    ];

    [Theory]
    [InlineData(0.0)]
    [InlineData(-3.0)]
    public void SampleResidual_should_repeat_Sample_when_nothing_has_elapsed(double elapsed)
    {
        var reference = new Sampler(RandomStream.Create(7, "residual"));
        var sampler = new Sampler(RandomStream.Create(7, "residual"));

        for (int i = 0; i < 2_000; i++)
        {
            var config = AllKinds[i % AllKinds.Length];
            Assert.Equal(reference.Sample(config), sampler.SampleResidual(config, elapsed));
        }
    }

    [Fact]
    public void SampleResidual_should_repeat_Sample_for_an_exponential_whatever_has_elapsed()
    {
        var config = DistributionConfig.Exponential(0.5);
        var reference = new Sampler(RandomStream.Create(7, "memoryless"));
        var sampler = new Sampler(RandomStream.Create(7, "memoryless"));

        Assert.All(Enumerable.Range(0, 1_000), i => Assert.Equal(reference.Sample(config), sampler.SampleResidual(config, i)));
    }

    public static TheoryData<string, double> OverdueCases => new()
    {
        { "uniform", 3 }, { "uniform", 5 }, { "triangular", 6 }, { "triangular", 60 }, { "constant", 5 },
        { "constant", 7 }, { "empirical", 10 }, { "empirical", 4 }, // 10 has weight 0, so past 4 nothing is left
    };

    [Theory]
    [MemberData(nameof(OverdueCases))]
    public void SampleResidual_should_give_MinDelay_without_a_draw_when_the_task_is_overdue(string kind, double elapsed)
    {
        var config = kind switch
        {
            "uniform" => DistributionConfig.Uniform(1, 3),
            "triangular" => DistributionConfig.Triangular(1, 2, 6),
            "constant" => DistributionConfig.Constant(5),
            _ => DistributionConfig.Empirical([1, 4, 2, 10], [1, 1, 3, 0]),
        };
        var sampler = new Sampler(RandomStream.Create(3, "overdue"), minDelay: 0.25);

        double residual = sampler.SampleResidual(config, elapsed);

        Assert.Equal(0.25, residual);
        Assert.Equal(RandomStream.Create(3, "overdue").NextUInt64(), sampler.Stream.NextUInt64());
    }

    [Fact]
    public void SampleResidual_should_give_what_is_left_of_a_constant()
    {
        var sampler = new Sampler(RandomStream.Create(3, "constant"));

        Assert.Equal(3.0, sampler.SampleResidual(DistributionConfig.Constant(5), 2));
    }

    [Fact]
    public void SampleResidual_should_keep_at_least_MinDelay()
    {
        var sampler = new Sampler(RandomStream.Create(3, "clamp"), minDelay: 0.5);

        Assert.All(AllKinds, config => Assert.All(Enumerable.Range(0, 500),
            i => Assert.True(sampler.SampleResidual(config, 0.01 * i) >= 0.5)));
    }

    [Fact]
    public void SampleResidual_should_give_infinity_for_rate_zero()
    {
        var sampler = new Sampler(RandomStream.Create(1, "never"));

        Assert.Equal(double.PositiveInfinity, sampler.SampleResidual(DistributionConfig.Exponential(0), 5));
        Assert.Equal(double.PositiveInfinity, sampler.SampleResidual(DistributionConfig.Erlang(2, 0), 5));
    }

    [Fact]
    public void SampleResidual_should_repeat_for_the_same_seed_and_name()
    {
        var first = new Sampler(RandomStream.Create(42, "Line_A"));
        var second = new Sampler(RandomStream.Create(42, "Line_A"));

        for (int i = 0; i < 5_000; i++)
        {
            var config = AllKinds[i % AllKinds.Length];
            double elapsed = 0.003 * i;
            Assert.Equal(first.SampleResidual(config, elapsed), second.SampleResidual(config, elapsed));
        }
    }

    [Fact]
    public void SampleResidual_should_give_the_pinned_golden_draws()
    {
        // Pinned once: a change here means seeded forecasts from a snapshot differ from before.
        double[] golden =
            [2.363255184121659, 0.9823421921699865, 0.4274782007647909, 0.9657974367355906, 0.17741636908252656, 2.4746534378446445];
        var sampler = new Sampler(RandomStream.Create(42, "Line_A"));

        double[] actual =
        [
            sampler.SampleResidual(DistributionConfig.Normal(10, 2), 14),
            sampler.SampleResidual(DistributionConfig.Gamma(2.5, 1.5), 30),
            sampler.SampleResidual(DistributionConfig.Erlang(3, 2), 1),
            sampler.SampleResidual(DistributionConfig.Weibull(2, 3), 2),
            sampler.SampleResidual(DistributionConfig.Lognormal(5, 1.5), 9),
            sampler.SampleResidual(DistributionConfig.Triangular(1, 2, 6), 1.5),
        ];

        Assert.Equal(golden, actual);
    }

    [Fact]
    public void SampleResidual_should_stay_finite_and_positive_deep_in_the_tails()
    {
        var sampler = new Sampler(RandomStream.Create(42, "tails"), minDelay: 0);
        DistributionConfig[] configs =
        [
            DistributionConfig.Normal(0, 1e-200), DistributionConfig.Lognormal(1, 0.1), DistributionConfig.Gamma(2.5, 1),
            DistributionConfig.Gamma(0.3, 1), DistributionConfig.Weibull(4, 1), DistributionConfig.Erlang(5, 1),
            DistributionConfig.Erlang(int.MaxValue, 1),
        ];

        Assert.All(configs, config => Assert.All(new[] { 1.0, 1e3, 1e9, 1e200 }, elapsed =>
        {
            double residual = sampler.SampleResidual(config, elapsed);
            Assert.True(double.IsFinite(residual) && residual >= 0, $"{config} after {elapsed}: {residual}");
        }));
    }

    [Fact]
    public void SampleResidual_should_not_allocate()
    {
        var sampler = new Sampler(RandomStream.Create(1, "alloc"));
        double sink = Draw(sampler, 10_000);

        long before = GC.GetAllocatedBytesForCurrentThread();
        sink += Draw(sampler, 100_000);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.True(sink > 0);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void SampleResidual_should_refuse_an_elapsed_time_that_is_not_finite(double elapsed)
    {
        var sampler = new Sampler(RandomStream.Create(1));

        var error = Assert.Throws<ArgumentOutOfRangeException>(
            () => sampler.SampleResidual(DistributionConfig.Uniform(1, 3), elapsed));

        Assert.Equal("elapsed", error.ParamName);
        Assert.Contains("elapsed service time must be a finite number of seconds", error.Message, StringComparison.Ordinal);
    }

    private static double Draw(Sampler sampler, int count)
    {
        double sum = 0;
        for (int i = 0; i < count; i++)
        {
            sum += sampler.SampleResidual(AllKinds[i % AllKinds.Length], 0.001 * (i % 5_000));
        }

        return sum;
    }
}
