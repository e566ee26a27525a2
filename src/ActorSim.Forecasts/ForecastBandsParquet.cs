using ActorSim.Egress;
using ActorSim.Forecasts.Statistics;

namespace ActorSim.Forecasts;

/// <summary>
/// A forecast's <c>bands.parquet</c>: per sampled series (<c>&lt;line&gt;.wip</c>, <c>&lt;line&gt;.&lt;resource&gt;.queue</c>,
/// <c>.in_use</c>) and per sampling time (<c>t_seconds</c> after the start), the 5th, 50th and 95th percentiles and the
/// mean across the replications: the fan a chart draws.
/// </summary>
public static class ForecastBandsParquet
{
    /// <summary>The bands of <paramref name="result"/> as rows: series, time, p5, p50, p95, mean.</summary>
    public static IReadOnlyList<(string Series, double Time, double P5, double P50, double P95, double Mean)> Bands(ForecastResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var points = result.SampleTimes.Count;
        var bands = new List<(string, double, double, double, double, double)>(result.Series.Count * points);
        var values = new double[result.Samples.Count];
        for (var s = 0; s < result.Series.Count; s++)
        {
            for (var p = 0; p < points; p++)
            {
                var sum = 0.0;
                for (var r = 0; r < values.Length; r++)
                {
                    values[r] = result.Samples[r][(s * points) + p];
                    sum += values[r];
                }

                var mean = sum / values.Length;
                Array.Sort(values);
                bands.Add((result.Series[s], result.SampleTimes[p], Percentile.Of(values, 0.05), Percentile.Of(values, 0.5), Percentile.Of(values, 0.95), mean));
            }
        }

        return bands;
    }

    /// <summary>The file's bytes.</summary>
    public static byte[] Write(ForecastResult result)
    {
        var bands = Bands(result);
        return new ParquetTable(bands.Count)
            .AddString("series", bands.Select(b => (string?)b.Series).ToArray())
            .AddDouble("t_seconds", bands.Select(b => b.Time).ToArray())
            .AddDouble("p5", bands.Select(b => b.P5).ToArray())
            .AddDouble("p50", bands.Select(b => b.P50).ToArray())
            .AddDouble("p95", bands.Select(b => b.P95).ToArray())
            .AddDouble("mean", bands.Select(b => b.Mean).ToArray())
            .ToBytes();
    }
}
