using ActorSim.Model.Distributions;

namespace ActorSim.Model.Tests.Distributions;

public class DistributionConfigTests
{
    public static TheoryData<string, string[]> Parameters => new()
    {
        { "exponential", ["rate"] },
        { "normal", ["mean", "std"] },
        { "lognormal", ["mean", "std"] },
        { "uniform", ["min", "max"] },
        { "triangular", ["min", "mode", "max"] },
        { "constant", ["value"] },
        { "gamma", ["shape", "scale"] },
        { "weibull", ["shape", "scale"] },
        { "erlang", ["k", "rate"] },
    };

    /// <summary>A distribution, a parameter, a refused value and the rule the message must state.</summary>
    public static TheoryData<string, string, double, string> Refusals => new()
    {
        { "exponential", "rate", -1, "rate must be >= 0" },
        { "exponential", "rate", double.NaN, "rate must be a finite number" },
        { "exponential", "rate", double.PositiveInfinity, "rate must be a finite number" },
        { "normal", "std", -0.5, "std must be >= 0" },
        { "normal", "mean", double.NegativeInfinity, "mean must be a finite number" },
        { "lognormal", "mean", 0, "a lognormal mean must be > 0" },
        { "lognormal", "std", -2, "std must be >= 0" },
        { "uniform", "min", 11, "min must be <= max (now 10)" },
        { "uniform", "max", 0.5, "max must be >= min (now 1)" },
        { "triangular", "min", 3, "min must be <= mode (now 2)" },
        { "triangular", "mode", 0, "mode must lie between min and max (now 1 and 4)" },
        { "triangular", "mode", 5, "mode must lie between min and max (now 1 and 4)" },
        { "triangular", "max", 1.5, "max must be >= mode (now 2)" },
        { "constant", "value", double.NaN, "value must be a finite number" },
        { "gamma", "shape", 0, "shape must be > 0" },
        { "gamma", "scale", -1, "scale must be > 0" },
        { "weibull", "shape", -3, "shape must be > 0" },
        { "weibull", "scale", 0, "scale must be > 0" },
        { "erlang", "k", 2.5, "k must be a positive integer" },
        { "erlang", "k", 0, "k must be a positive integer" },
        { "erlang", "k", 3e9, "k must be a positive integer" },
        { "erlang", "rate", -0.1, "rate must be >= 0" },
    };

    [Theory]
    [MemberData(nameof(Parameters))]
    public void ParameterNames_should_list_the_live_parameters_in_registry_order(string dist, string[] names)
    {
        var config = Sample(dist);

        Assert.Equal(names, config.ParameterNames);
        Assert.Equal(dist, config.Name);
    }

    [Fact]
    public void Empirical_should_have_no_scalar_parameters()
    {
        var config = DistributionConfig.Empirical([1, 2]);

        Assert.Empty(config.ParameterNames);
        Assert.Equal(DistributionKind.Empirical, config.Kind);
        Assert.Equal("empirical", config.Name);
    }

    [Fact]
    public void Get_should_return_the_factory_values()
    {
        var config = DistributionConfig.Triangular(1, 2, 4);

        Assert.Equal([1.0, 2.0, 4.0], config.ParameterNames.Select(config.Get));
        Assert.Equal(3.0, DistributionConfig.Erlang(3, 0.5).Get("k"));
    }

    [Theory]
    [MemberData(nameof(Refusals))]
    public void Validate_should_name_parameter_value_and_rule(string dist, string parameter, double value, string rule)
    {
        var config = Sample(dist);

        string? message = config.Validate(parameter, value);

        Assert.NotNull(message);
        Assert.Contains($"'{parameter}'", message, StringComparison.Ordinal);
        Assert.Contains(dist, message, StringComparison.Ordinal);
        Assert.Contains(value.ToString("R", System.Globalization.CultureInfo.InvariantCulture), message, StringComparison.Ordinal);
        Assert.Contains(rule, message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Refusals))]
    public void Set_should_refuse_with_the_rule_and_keep_the_old_value(string dist, string parameter, double value, string rule)
    {
        var config = Sample(dist);
        double before = config.Get(parameter);

        var error = Assert.Throws<ArgumentException>(() => config.Set(parameter, value));

        Assert.Contains(rule, error.Message, StringComparison.Ordinal);
        Assert.Contains($"'{parameter}'", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, config.Get(parameter));
    }

    [Theory]
    [InlineData("exponential", "rate", 0)]
    [InlineData("normal", "std", 0)]
    [InlineData("normal", "mean", -3)]
    [InlineData("uniform", "min", 10)]
    [InlineData("triangular", "mode", 4)]
    [InlineData("erlang", "k", 7)]
    [InlineData("constant", "value", -2)]
    public void Validate_should_accept_values_within_the_rules(string dist, string parameter, double value)
    {
        var config = Sample(dist);

        Assert.Null(config.Validate(parameter, value));
        config.Set(parameter, value);
        Assert.Equal(value, config.Get(parameter));
    }

    [Fact]
    public void Set_should_allow_moving_a_uniform_range_when_max_moves_first()
    {
        var config = DistributionConfig.Uniform(1, 10);

        config.Set("max", 30);
        config.Set("min", 20);

        Assert.Equal(25, config.TheoreticalMean);
    }

    [Fact]
    public void Set_should_refuse_an_unknown_parameter_and_list_the_known_ones()
    {
        var config = DistributionConfig.Normal(0, 1);

        var error = Assert.Throws<ArgumentException>(() => config.Set("rate", 1));

        Assert.Contains("'rate'", error.Message, StringComparison.Ordinal);
        Assert.Contains("normal", error.Message, StringComparison.Ordinal);
        Assert.Contains("mean, std", error.Message, StringComparison.Ordinal);
        Assert.NotNull(config.Validate("rate", 1));
        Assert.Throws<ArgumentException>(() => config.Get("rate"));
    }

    [Fact]
    public void Factories_should_refuse_bad_parameters()
    {
        Assert.Contains("rate must be >= 0", Assert.Throws<ArgumentException>(() => DistributionConfig.Exponential(-1)).Message, StringComparison.Ordinal);
        Assert.Contains("min must be <= max", Assert.Throws<ArgumentException>(() => DistributionConfig.Uniform(5, 1)).Message, StringComparison.Ordinal);
        Assert.Contains("mode must lie between min and max (now 0 and 4)", Assert.Throws<ArgumentException>(() => DistributionConfig.Triangular(0, 5, 4)).Message, StringComparison.Ordinal);
        Assert.Contains("k must be a positive integer", Assert.Throws<ArgumentException>(() => DistributionConfig.Erlang(0, 1)).Message, StringComparison.Ordinal);
        Assert.Contains("lognormal mean must be > 0", Assert.Throws<ArgumentException>(() => DistributionConfig.Lognormal(0, 1)).Message, StringComparison.Ordinal);
        Assert.Contains("std must be a finite number", Assert.Throws<ArgumentException>(() => DistributionConfig.Normal(0, double.NaN)).Message, StringComparison.Ordinal);
        Assert.Contains("shape must be > 0", Assert.Throws<ArgumentException>(() => DistributionConfig.Gamma(0, 1)).Message, StringComparison.Ordinal);
        Assert.Contains("scale must be > 0", Assert.Throws<ArgumentException>(() => DistributionConfig.Weibull(1, 0)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_should_build_from_a_name_and_parameters()
    {
        var config = DistributionConfig.Create("Normal", new Dictionary<string, double> { ["mean"] = 3, ["std"] = 0.5 });

        Assert.Equal(DistributionKind.Normal, config.Kind);
        Assert.Equal(3, config.Get("mean"));
        Assert.Equal(0.5, config.Get("std"));
        Assert.Equal("normal(mean=3, std=0.5)", config.ToString());
    }

    [Fact]
    public void Create_should_refuse_an_unknown_distribution_and_list_the_known_ones()
    {
        var error = Assert.Throws<ArgumentException>(
            () => DistributionConfig.Create("poisson", new Dictionary<string, double> { ["rate"] = 1 }));

        Assert.Contains("'poisson'", error.Message, StringComparison.Ordinal);
        Assert.Contains(
            "exponential, normal, lognormal, uniform, triangular, constant, gamma, weibull, erlang, empirical",
            error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_should_name_a_missing_parameter()
    {
        var error = Assert.Throws<ArgumentException>(
            () => DistributionConfig.Create("triangular", new Dictionary<string, double> { ["min"] = 0, ["max"] = 1 }));

        Assert.Contains("needs parameter 'mode'", error.Message, StringComparison.Ordinal);
        Assert.Contains("min, mode, max", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_should_name_an_unknown_parameter()
    {
        var error = Assert.Throws<ArgumentException>(
            () => DistributionConfig.Create("exponential", new Dictionary<string, double> { ["rate"] = 1, ["mean"] = 2 }));

        Assert.Contains("Unknown parameter 'mean'", error.Message, StringComparison.Ordinal);
        Assert.Contains("its parameters are rate", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_should_validate_values()
    {
        var error = Assert.Throws<ArgumentException>(
            () => DistributionConfig.Create("erlang", new Dictionary<string, double> { ["k"] = 1.5, ["rate"] = 1 }));

        Assert.Contains("k must be a positive integer", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_should_send_empirical_to_its_factory()
    {
        var error = Assert.Throws<ArgumentException>(
            () => DistributionConfig.Create("empirical", new Dictionary<string, double>()));

        Assert.Contains("DistributionConfig.Empirical", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Empirical_should_refuse_bad_values_and_weights()
    {
        Assert.Contains("at least one value", Assert.Throws<ArgumentException>(() => DistributionConfig.Empirical([])).Message, StringComparison.Ordinal);
        Assert.Contains("value 1 is NaN", Assert.Throws<ArgumentException>(() => DistributionConfig.Empirical([1, double.NaN])).Message, StringComparison.Ordinal);
        Assert.Contains("2 values but 3 weights", Assert.Throws<ArgumentException>(() => DistributionConfig.Empirical([1, 2], [1, 1, 1])).Message, StringComparison.Ordinal);
        Assert.Contains("weight 0 is -1", Assert.Throws<ArgumentException>(() => DistributionConfig.Empirical([1, 2], [-1, 2])).Message, StringComparison.Ordinal);
        Assert.Contains("sum to 0", Assert.Throws<ArgumentException>(() => DistributionConfig.Empirical([1, 2], [0, 0])).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Empirical_should_copy_its_inputs()
    {
        double[] values = [1, 2];
        var config = DistributionConfig.Empirical(values);

        values[0] = 100;

        Assert.Equal(1.5, config.TheoreticalMean);
    }

    private static DistributionConfig Sample(string dist) => dist switch
    {
        "exponential" => DistributionConfig.Exponential(1),
        "normal" => DistributionConfig.Normal(0, 1),
        "lognormal" => DistributionConfig.Lognormal(1, 0.5),
        "uniform" => DistributionConfig.Uniform(1, 10),
        "triangular" => DistributionConfig.Triangular(1, 2, 4),
        "constant" => DistributionConfig.Constant(1),
        "gamma" => DistributionConfig.Gamma(2, 1),
        "weibull" => DistributionConfig.Weibull(2, 1),
        "erlang" => DistributionConfig.Erlang(2, 1),
        _ => throw new ArgumentOutOfRangeException(nameof(dist), dist, "No sample config for this distribution."),
    };
}
