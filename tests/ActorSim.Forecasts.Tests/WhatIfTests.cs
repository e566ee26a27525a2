using ActorSim.Model.Building;
using ActorSim.Model.Distributions;
using ActorSim.Model.Plants;

namespace ActorSim.Forecasts.Tests;

/// <summary>What-if scenarios on common random numbers: the paired difference is far sharper than two independent forecasts'.</summary>
public sealed class WhatIfTests
{
    private static readonly PlantModel LineA = new PlantBuilder().AddLine(ReferenceModels.LineA()).Build();

    [Fact]
    public void Faster_milling_cuts_the_wait_and_common_random_numbers_show_it_sharper_than_independent_forecasts()
    {
        // Half loaded (1 part/s, 4 lathes, normal(2 s, 0.5 s)): each part's draws stay paired with the baseline's.
        var plant = new PlantBuilder().AddLine(new LineBuilder("Line_L")
            .AddArrival("standard", DistributionConfig.Exponential(1.0))
            .AddService("milling", DistributionConfig.Normal(2.0, 0.5))
            .AddResource("lathe", currentCap: 4, maxCap: 10)
            .AddTask("part", arrival: "standard", steps => steps.Step("lathe", "milling"))
            .Build()).Build();
        var baseline = new ForecastRequest { Plant = plant, HorizonSeconds = 7200, Replications = 30, Seed = 4 };
        var whatIf = baseline with { Changes = [WhatIfChange.Parse("Line_L.service.milling.mean=1.8@30m")] };

        var before = ForecastRunner.Run(baseline);
        var paired = ScenarioComparison.Of("milling 1.8 s", whatIf.Changes, before, ForecastRunner.Run(whatIf));
        var independent = ForecastRunner.Run(whatIf with { Seed = 99 });

        var difference = paired.Differences.Single(d => d.Kpi == "cycle_mean").Difference!;
        Assert.True(difference.CiHigh < 0, $"the cycle did not shorten: {difference.Mean} [{difference.CiLow}, {difference.CiHigh}]");
        // Two independent forecasts: the difference of their means has the half-widths added in quadrature.
        var (b, s) = (Kpi(before, "cycle_mean"), Kpi(independent, "cycle_mean"));
        var unpaired = Math.Sqrt((b.HalfWidth * b.HalfWidth) + (s.HalfWidth * s.HalfWidth));
        Assert.True(difference.HalfWidth < unpaired / 3, $"paired ±{difference.HalfWidth} s against independent ±{unpaired} s");
    }

    [Fact]
    public void A_change_from_the_start_applies_before_the_first_event()
    {
        var request = new ForecastRequest { Plant = LineA, HorizonSeconds = 600, Replications = 3, Changes = [WhatIfChange.Parse("Line_A.arrival.standard.rate=0")] };

        var result = ForecastRunner.Run(request);

        Assert.Equal(0, Kpi(result, "throughput").Max);
    }

    [Theory]
    [InlineData("Line_B.resources.lathe.current_cap=6", "names no line")]
    [InlineData("Line_A.resources.drill.current_cap=6", "Line_A.resources.drill.current_cap")]
    [InlineData("Line_A.resources.lathe.current_cap=60", "current_cap")]
    [InlineData("Line_A.resources.lathe.current_cap=6@3h", "after the horizon")]
    public void Changes_that_cannot_apply_are_refused_naming_them(string change, string message)
    {
        var request = new ForecastRequest { Plant = LineA, HorizonSeconds = 3600, Replications = 1, Changes = [WhatIfChange.Parse(change)] };

        var e = Assert.Throws<ArgumentException>(() => request.Validate());

        Assert.Contains(message, e.Message);
    }

    [Theory]
    [InlineData("Line_A.resources.lathe.current_cap=6@1h", "Line_A.resources.lathe.current_cap", 6L, 3600.0)]
    [InlineData("Line_A.service.milling.mean = 1.5", "Line_A.service.milling.mean", 1.5, 0.0)]
    public void Changes_are_read_as_path_value_and_time(string text, string path, object value, double after)
    {
        Assert.Equal(new WhatIfChange(path, value, after), WhatIfChange.Parse(text));
    }

    private static Statistics.KpiSummary Kpi(ForecastResult result, string name) => result.Summaries.Single(s => s.Kpi == name).Summary!;
}
