using ActorSim.Blueprints.Tests.Support;
using ActorSim.Model.Distributions;

namespace ActorSim.Blueprints.Tests;

public class DistributionTests
{
    private static DistributionConfig Service(string distribution) =>
        Yaml.Load($"""
            simulation: {"{sim_id: L}"}
            services:
              s: {distribution}
            """).Model.CreateParameters().Service["s"];

    private static BlueprintException ServiceError(string distribution) => Yaml.Error($"""
        simulation: {"{sim_id: L}"}
        services:
          s: {distribution}
        """);

    public static TheoryData<string, string> Every => new()
    {
        { "{dist: exponential, rate: 2.0}", DistributionConfig.Exponential(2.0).ToString() },
        { "{dist: normal, mean: 2.0, std: 0.2}", DistributionConfig.Normal(2.0, 0.2).ToString() },
        { "{dist: lognormal, mean: 3, std: 1}", DistributionConfig.Lognormal(3, 1).ToString() },
        { "{dist: uniform, min: 1, max: 4}", DistributionConfig.Uniform(1, 4).ToString() },
        { "{dist: triangular, min: 1, mode: 2, max: 5}", DistributionConfig.Triangular(1, 2, 5).ToString() },
        { "{dist: constant, value: 7.5}", DistributionConfig.Constant(7.5).ToString() },
        { "{dist: gamma, shape: 2, scale: 1.5}", DistributionConfig.Gamma(2, 1.5).ToString() },
        { "{dist: weibull, shape: 1.5, scale: 3}", DistributionConfig.Weibull(1.5, 3).ToString() },
        { "{dist: erlang, k: 3, rate: 0.5}", DistributionConfig.Erlang(3, 0.5).ToString() },
        { "{dist: Normal, mean: 1e1, std: 0}", DistributionConfig.Normal(10, 0).ToString() },
    };

    [Theory]
    [MemberData(nameof(Every))]
    public void Every_distribution_of_the_engine_should_be_accepted(string yaml, string expected)
    {
        Assert.Equal(expected, Service(yaml).ToString());
    }

    [Fact]
    public void Empirical_should_take_values_and_weights()
    {
        var empirical = Service("{dist: empirical, values: [1, 2, 4], weights: [0.5, 0.25, 0.25]}");

        Assert.Equal(DistributionKind.Empirical, empirical.Kind);
        Assert.Equal(2.0, empirical.TheoreticalMean, 12);
    }

    [Fact]
    public void Empirical_without_weights_should_pick_uniformly()
    {
        var empirical = Service("{dist: empirical, values: [1, 2, 6]}");

        Assert.Equal(3.0, empirical.TheoreticalMean, 12);
    }

    [Fact]
    public void Unknown_distribution_should_fail_at_dist_listing_the_known_ones()
    {
        Yaml.AssertAt(ServiceError("{dist: poisson, mean: 1}"), 3, 13, "services.s.dist",
            "Unknown distribution 'poisson'", "exponential, normal, lognormal, uniform, triangular, constant, gamma, weibull, erlang, empirical");
    }

    [Fact]
    public void Unknown_parameter_should_fail_at_that_parameter_listing_the_known_ones()
    {
        Yaml.AssertAt(ServiceError("{dist: normal, mean: 1, sd: 0.1}"), 3, 30, "services.s.sd", "Unknown parameter 'sd'", "mean, std");
    }

    [Fact]
    public void Missing_parameter_should_fail_at_the_distribution_naming_it()
    {
        Yaml.AssertAt(ServiceError("{dist: normal, mean: 1}"), 3, 6, "services.s", "needs parameter 'std'");
    }

    [Fact]
    public void Refused_parameter_value_should_fail_at_that_value_with_the_rule()
    {
        var error = ServiceError("{dist: normal, mean: 1, std: -1}");

        Yaml.AssertAt(error, 3, 35, "services.s.std", "std must be >= 0");
        Assert.DoesNotContain("(Parameter", error.Message);
    }

    [Fact]
    public void Missing_dist_should_fail_at_the_distribution()
    {
        Yaml.AssertAt(ServiceError("{rate: 1}"), 3, 6, "services.s.dist", "required key 'dist' is missing");
    }

    [Fact]
    public void Empirical_weights_of_another_length_should_fail_at_the_weights()
    {
        Yaml.AssertAt(ServiceError("{dist: empirical, values: [1, 2], weights: [1]}"), 3, 49, "services.s.weights", "one weight per value");
    }

    [Fact]
    public void Empirical_text_value_should_fail_at_that_item()
    {
        Yaml.AssertAt(ServiceError("{dist: empirical, values: [1, x]}"), 3, 36, "services.s.values[1]", "expected a finite number, got 'x'");
    }

    [Fact]
    public void Empirical_with_a_scalar_parameter_should_fail_at_that_key()
    {
        Yaml.AssertAt(ServiceError("{dist: empirical, values: [1], rate: 2}"), 3, 37, "services.s.rate", "unknown key 'rate'", "dist, values, weights");
    }

    [Fact]
    public void Erlang_with_a_fractional_k_should_fail_at_k()
    {
        Yaml.AssertAt(ServiceError("{dist: erlang, k: 2.5, rate: 1}"), 3, 24, "services.s.k", "k must be a positive integer");
    }
}
