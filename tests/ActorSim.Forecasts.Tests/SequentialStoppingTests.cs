using ActorSim.Model.Building;
using ActorSim.Model.Plants;

namespace ActorSim.Forecasts.Tests;

/// <summary>Sequential stopping: replications in batches until the target precision, at a count that never depends on the workers.</summary>
public sealed class SequentialStoppingTests
{
    private static readonly ForecastRequest Request = new()
    {
        Plant = new PlantBuilder().AddLine(ReferenceModels.LineA()).Build(), HorizonSeconds = 1800, Replications = 5, Seed = 8,
    };

    [Fact]
    public void It_stops_at_the_same_count_for_any_number_of_workers_with_the_target_met()
    {
        var rule = new PrecisionRule(0.10, PrecisionRule.DefaultKpis, 400);

        var one = ForecastRunner.RunUntilPrecise(Request with { Parallelism = 1 }, rule);
        var two = ForecastRunner.RunUntilPrecise(Request with { Parallelism = 2 }, rule);

        Assert.True(one.Met);
        Assert.Equal(one.Result.Rows.Count, two.Result.Rows.Count);
        Assert.Equal(0, one.Result.Rows.Count % 5);
        Assert.True(one.Result.Rows.Count > 5, "one batch was enough: the rule was not exercised");
        Assert.True(one.Precision <= 0.10);
        Assert.Equal(one.Result.Summaries, two.Result.Summaries);
        // Not met one batch earlier: the prefix it stopped at is the first that meets the target.
        var before = ForecastRunner.Run(Request with { Replications = one.Result.Rows.Count - 5 });
        Assert.True(PrecisionOf(before, "throughput") > 0.10 || PrecisionOf(before, "wait_mean") > 0.10);
    }

    [Fact]
    public void An_unreachable_target_stops_at_the_most_replications_saying_so()
    {
        var stopped = ForecastRunner.RunUntilPrecise(Request, new PrecisionRule(1e-9, ["wait_mean"], 15));

        Assert.False(stopped.Met);
        Assert.Equal(15, stopped.Result.Rows.Count);
        Assert.Equal("wait_mean", stopped.Deciding);
    }

    [Fact]
    public void A_target_kpi_the_forecast_lacks_is_refused_naming_the_ones_it_has()
    {
        var e = Assert.Throws<ArgumentException>(() => ForecastRunner.RunUntilPrecise(Request, new PrecisionRule(0.05, ["latency"], 100)));

        Assert.Contains("'latency'", e.Message);
        Assert.Contains("wait_mean", e.Message);
    }

    private static double PrecisionOf(ForecastResult result, string kpi) => result.Summaries.Single(s => s.Kpi == kpi).Summary!.RelativeHalfWidth;
}
