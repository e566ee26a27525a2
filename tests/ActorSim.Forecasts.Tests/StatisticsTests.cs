using ActorSim.Forecasts.Statistics;

namespace ActorSim.Forecasts.Tests;

/// <summary>The statistics a forecast reports, against published tables and closed forms, and the interval's coverage.</summary>
public sealed class StatisticsTests
{
    [Theory]
    [InlineData(0.975, 1, 12.706204736174698)]
    [InlineData(0.975, 2, 4.302652729749464)]
    [InlineData(0.975, 5, 2.5705818356363146)]
    [InlineData(0.975, 10, 2.2281388519862744)]
    [InlineData(0.975, 30, 2.0422724563012373)]
    [InlineData(0.975, 100, 1.983971518523552)]
    [InlineData(0.95, 1, 6.313751514675041)]
    [InlineData(0.95, 10, 1.8124611228107335)]
    [InlineData(0.995, 4, 4.604094871415897)]
    public void Student_t_quantiles_match_the_published_table(double p, double degreesOfFreedom, double expected)
    {
        Assert.Equal(expected, StudentT.Quantile(p, degreesOfFreedom), 9);
        Assert.Equal(-expected, StudentT.Quantile(1 - p, degreesOfFreedom), 9);
    }

    [Theory]
    [InlineData(-3.0)]
    [InlineData(-0.4)]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(25.0)]
    public void Student_t_with_one_degree_of_freedom_is_the_cauchy_distribution(double t)
    {
        Assert.Equal(0.5 + (Math.Atan(t) / Math.PI), StudentT.Cdf(t, 1), 12);
    }

    [Theory]
    [InlineData(0.975, 1.959963984540054)]
    [InlineData(0.5, 0.0)]
    [InlineData(0.8413447460685429, 1.0)]
    [InlineData(1e-10, -6.361340902404056)]
    [InlineData(0.999999, 4.753424308817089)]
    public void Normal_quantiles_match_the_published_values(double p, double expected)
    {
        Assert.Equal(expected, StandardNormal.Quantile(p), 10);
    }

    [Theory]
    [InlineData(0.05, 1.15)]
    [InlineData(0.5, 2.5)]
    [InlineData(0.95, 3.85)]
    [InlineData(0.0, 1.0)]
    [InlineData(1.0, 4.0)]
    public void Percentiles_interpolate_between_order_statistics_as_numpy_does(double p, double expected)
    {
        Assert.Equal(expected, Percentile.Of([1.0, 2.0, 3.0, 4.0], p), 12);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(17)]
    [InlineData(1000)]
    [InlineData(57_601)]
    public void A_percentile_found_by_selection_equals_the_sorted_samples_bit_for_bit(int count)
    {
        var random = new System.Random(count);
        foreach (var p in new[] { 0.0, 0.05, 0.5, 0.95, 0.999, 1.0 })
        {
            // Many ties (waits of exactly 0) and a spread of other values, as a loaded line's waits have.
            var values = Enumerable.Range(0, count).Select(_ => random.NextDouble() < 0.3 ? 0.0 : Math.Round(random.NextDouble() * 100, 1)).ToArray();
            var sorted = values.Order().ToArray();
            Assert.Equal(Percentile.Of(sorted, p), OrderStatistics.Percentile(values, p));
        }
    }

    [Fact]
    public void Selection_puts_the_kth_value_in_place_with_the_smaller_ones_before_it()
    {
        var values = new[] { 9.0, 1, 8, 2, 7, 3, 6, 4, 5, 0, 5, 5, 11, 10, 12, 13, 14, 15, 16, 17 };
        var expected = values.Order().ToArray();
        for (var k = 0; k < values.Length; k++)
        {
            var copy = values.ToArray();
            Assert.Equal(expected[k], OrderStatistics.Select(copy, k));
            Assert.All(copy[..k], v => Assert.True(v <= copy[k]));
            Assert.All(copy[(k + 1)..], v => Assert.True(v >= copy[k]));
        }
    }

    [Theory]
    [InlineData(0, 10, 0.0, 0.27753279)]
    [InlineData(10, 10, 0.72246721, 1.0)]
    [InlineData(5, 10, 0.23659309, 0.76340691)]
    public void Wilson_intervals_match_their_closed_forms_at_the_edges_and_the_middle(long successes, long trials, double low, double high)
    {
        var (actualLow, actualHigh) = WilsonInterval.Of(successes, trials);

        Assert.Equal(low, actualLow, 7);
        Assert.Equal(high, actualHigh, 7);
    }

    [Fact]
    public void A_summary_has_the_sample_mean_std_and_student_interval()
    {
        var summary = KpiSummary.Of([2.0, 4.0, 4.0, 4.0, 5.0, 5.0, 7.0, 9.0]);

        Assert.Equal(5.0, summary.Mean, 12);
        Assert.Equal(Math.Sqrt(32.0 / 7.0), summary.Std, 12);
        Assert.Equal(2.3646242515927844 * Math.Sqrt(32.0 / 7.0) / Math.Sqrt(8), summary.HalfWidth, 9);
        Assert.Equal((summary.Mean - summary.HalfWidth, summary.Mean + summary.HalfWidth), (summary.CiLow, summary.CiHigh));
        Assert.Equal((2.0, 9.0, 4.5), (summary.Min, summary.Max, summary.P50));
        Assert.Equal(8, summary.Count);
    }

    [Fact]
    public void One_replication_gives_no_interval()
    {
        var summary = KpiSummary.Of([3.5]);

        Assert.Equal((3.5, 0.0), (summary.Mean, summary.Std));
        Assert.True(double.IsPositiveInfinity(summary.HalfWidth));
    }

    [Fact]
    public void Ninety_five_percent_intervals_cover_the_true_mean_in_93_to_97_percent_of_forecasts()
    {
        // 2,000 forecasts of 10 normal(5, 2) replications each: the binomial standard deviation of the coverage is 0.5 %.
        var random = new Random(20261204);
        var covered = 0;
        var values = new double[10];
        for (var forecast = 0; forecast < 2000; forecast++)
        {
            for (var i = 0; i < values.Length; i++)
            {
                var (u, v) = (1 - random.NextDouble(), random.NextDouble());
                values[i] = 5 + (2 * Math.Sqrt(-2 * Math.Log(u)) * Math.Cos(2 * Math.PI * v));
            }

            var summary = KpiSummary.Of(values);
            covered += summary.CiLow <= 5 && 5 <= summary.CiHigh ? 1 : 0;
        }

        Assert.InRange(covered / 2000.0, 0.93, 0.97);
    }

    [Fact]
    public void The_same_values_give_the_same_summary_bit_for_bit()
    {
        double[] values = [0.1, 0.2, 0.30000000000000004, 1e-17, 123456.789];

        Assert.Equal(KpiSummary.Of(values), KpiSummary.Of(values.ToArray()));
    }
}
