using ActorSim.Model.Building;
using ActorSim.Model.Distributions;
using ActorSim.Model.Plants;

namespace ActorSim.Forecasts.Tests;

/// <summary>The verdict: how often a resource's queue crosses its alert, with a Wilson interval and the median first crossing.</summary>
public sealed class ForecastVerdictTests
{
    // A single lathe fed faster than it works (arrivals 1/s, service 1.25 s): its queue grows without end.
    private static readonly PlantModel Overloaded = new PlantBuilder().AddLine(new LineBuilder("Line_O")
        .AddArrival("standard", DistributionConfig.Exponential(1.0))
        .AddArrival("spare", DistributionConfig.Exponential(0.05))
        .AddService("turning", DistributionConfig.Constant(1.25))
        .AddService("polishing", DistributionConfig.Constant(1.0))
        .AddResource("lathe", currentCap: 1)
        .AddResource("polisher", currentCap: 1)
        .AddTask("part", arrival: "standard", steps => steps.Step("lathe", "turning"))
        .AddTask("finish", arrival: "spare", steps => steps.Step("polisher", "polishing"))
        .Build()).Build();

    [Fact]
    public void An_overloaded_resource_is_named_the_bottleneck_with_its_first_crossing()
    {
        var request = new ForecastRequest
        {
            Plant = Overloaded, HorizonSeconds = 3600, Replications = 40, Seed = 3, Alerts = [QueueAlert.Parse("Line_O.lathe.queue>20")],
        };

        var result = ForecastRunner.Run(request);
        var verdicts = ForecastVerdict.Of(request, result);

        var lathe = verdicts[0];
        Assert.Equal(("lathe", "queue > 20", 40), (lathe.Resource, lathe.Rule, lathe.Fired));
        Assert.True(lathe.IsBottleneck);
        Assert.Equal((0.91238, 1.0), (Math.Round(lathe.Low, 5), lathe.High));
        // The queue grows by 0.2 a second on average: above 20 after about 100 s.
        Assert.InRange(lathe.MedianFirstCrossing!.Value, 50, 200);
        var polisher = verdicts.Single(v => v.Resource == "polisher");
        Assert.Equal("queue grows or utilization > 95 %", polisher.Rule);
        Assert.False(polisher.IsBottleneck);
        Assert.StartsWith("Line_O.lathe: queue > 20 in 100% of replications [91%, 100%], first at +", ForecastVerdict.Describe(lathe));
        Assert.EndsWith("→ bottleneck", ForecastVerdict.Describe(lathe));
        Assert.Equal("verdict: Line_O.lathe is the bottleneck (queue > 20 in 100% of replications)", ForecastVerdict.Headline(verdicts));
    }

    [Fact]
    public void A_calm_line_has_no_bottleneck()
    {
        var calm = new PlantBuilder().AddLine(new LineBuilder("Line_Q")
            .AddArrival("standard", DistributionConfig.Exponential(0.2))
            .AddService("turning", DistributionConfig.Constant(1.0))
            .AddResource("lathe", currentCap: 2)
            .AddTask("part", arrival: "standard", steps => steps.Step("lathe", "turning"))
            .Build()).Build();
        var request = new ForecastRequest { Plant = calm, HorizonSeconds = 3600, Replications = 20, Alerts = [QueueAlert.Parse("Line_Q.lathe.queue>5")] };

        var verdicts = ForecastVerdict.Of(request, ForecastRunner.Run(request));

        Assert.Equal(0, Assert.Single(verdicts).Fired);
        Assert.Null(verdicts[0].MedianFirstCrossing);
        Assert.Equal("verdict: no bottleneck expected (no rule fires in most replications)", ForecastVerdict.Headline(verdicts));
    }

    [Theory]
    [InlineData("Line_O.lathe.queue>20", true)]
    [InlineData("Line_O.lathe.queue > 7", true)]
    [InlineData("Line_O.lathe.util>20", false)]
    [InlineData("lathe.queue>20", false)]
    [InlineData("Line_O.lathe.queue>-1", false)]
    public void Alerts_are_read_in_their_one_form(string text, bool valid)
    {
        if (valid)
        {
            Assert.Equal("Line_O", QueueAlert.Parse(text).Line);
        }
        else
        {
            Assert.Contains("write <line>.<resource>.queue>N", Assert.Throws<ArgumentException>(() => QueueAlert.Parse(text)).Message);
        }
    }

    [Fact]
    public void An_alert_on_a_resource_the_line_lacks_is_refused_naming_what_it_has()
    {
        var request = new ForecastRequest { Plant = Overloaded, HorizonSeconds = 60, Replications = 1, Alerts = [QueueAlert.Parse("Line_O.drill.queue>2")] };

        var e = Assert.Throws<ArgumentException>(() => ForecastRunner.Run(request));

        Assert.Contains("'drill'", e.Message);
        Assert.Contains("lathe, polisher", e.Message);
    }
}
