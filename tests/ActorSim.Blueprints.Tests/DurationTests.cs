using ActorSim.Blueprints.Tests.Support;

namespace ActorSim.Blueprints.Tests;

public class DurationTests
{
    [Theory]
    [InlineData("1 week", 604800)]
    [InlineData("3 days", 259200)]
    [InlineData("30 mins", 1800)]
    [InlineData("60 s", 60)]
    [InlineData("PT8H", 28800)]
    [InlineData("P1DT2H30M", 95400)]
    [InlineData("90", 90)]
    [InlineData("2.5", 2.5)]
    public void Durations_should_be_read_in_every_form_of_the_engine(string text, double seconds)
    {
        var blueprint = Yaml.Load($$"""
            {{Yaml.Minimal}}
            telemetry: {interval: {{text}}}
            scenario: [{at: {{text}}, path: L.resources.r.current_cap, value: 1}]
            egress: [{flush_interval: {{text}}}]
            """);

        Assert.Equal(seconds, blueprint.Model.TelemetryInterval);
        Assert.Equal(seconds, Assert.Single(blueprint.Model.Scenario).At);
        Assert.Equal(seconds, Assert.Single(blueprint.Egress).FlushInterval);
    }

    [Fact]
    public void Telemetry_interval_of_zero_should_fail_at_the_interval()
    {
        var error = Yaml.Error($$"""
            {{Yaml.Minimal}}
            telemetry: {interval: 0 s}
            """);

        Yaml.AssertAt(error, 5, 23, "telemetry.interval", "positive number of seconds");
    }

    [Fact]
    public void Bad_telemetry_interval_should_fail_at_the_interval_listing_the_forms()
    {
        var error = Yaml.Error($"""
            {Yaml.Minimal}
            telemetry:
              interval: 60 parsecs
            """);

        Yaml.AssertAt(error, 6, 13, "telemetry.interval", "'60 parsecs' is not a duration", "PT8H");
    }
}
