using ScottPlot;

namespace ActorSim.Forecasts;

/// <summary>
/// A forecast's chart (ScottPlot): a fan per resource — its queue over the horizon, the median as a line and the 5th to
/// 95th percentiles as a band — and the distribution of the first line's throughput over the replications.
/// </summary>
public static class ForecastChart
{
    private const int PanelWidth = 900;
    private const int PanelHeight = 320;

    /// <summary>Writes <paramref name="result"/>'s chart as <paramref name="png"/> and <paramref name="svg"/>.</summary>
    public static void Save(ForecastResult result, string png, string svg)
    {
        ArgumentNullException.ThrowIfNull(result);
        var chart = Build(result);
        var height = PanelHeight * chart.Subplots.Count;
        chart.SavePng(png, PanelWidth, height);
        using (var stream = File.Create(svg))
        using (var canvas = SkiaSharp.SKSvgCanvas.Create(new SkiaSharp.SKRect(0, 0, PanelWidth, height), stream))
        {
            chart.Render(canvas, new PixelRect(0, PanelWidth, height, 0));
        }
    }

    private static Multiplot Build(ForecastResult result)
    {
        var bands = ForecastBandsParquet.Bands(result);
        var queues = result.Series.Where(s => s.EndsWith(".queue", StringComparison.Ordinal)).ToArray();
        var chart = new Multiplot();
        var first = true;
        Plot Panel()
        {
            // A new multiplot holds one plot already: the first panel replaces it.
            var panel = new Plot();
            if (first)
            {
                chart.Reset(panel);
                first = false;
            }
            else
            {
                chart.AddPlot(panel);
            }

            return panel;
        }

        foreach (var series in queues)
        {
            var points = bands.Where(b => b.Series == series).ToArray();
            var hours = points.Select(p => p.Time / 3600).ToArray();
            var plot = Panel();
            var band = plot.Add.FillY(hours, points.Select(p => p.P5).ToArray(), points.Select(p => p.P95).ToArray());
            band.FillColor = Colors.SteelBlue.WithAlpha(0.3);
            band.LegendText = "p5–p95";
            var median = plot.Add.Scatter(hours, points.Select(p => p.P50).ToArray());
            median.Color = Colors.SteelBlue;
            median.MarkerSize = 0;
            median.LegendText = "median";
            plot.Title($"{series[..^".queue".Length]}: queue length");
            plot.XLabel("hours after the start");
            plot.YLabel("tasks waiting");
            plot.ShowLegend();
        }

        var throughputColumn = result.Kpis.Select((k, i) => (k, i)).First(p => p.k.EndsWith("throughput", StringComparison.Ordinal));
        var values = result.Rows.Select(r => r[throughputColumn.i]).Where(v => !double.IsNaN(v)).ToArray();
        var histogram = Panel();
        if (values.Length > 0)
        {
            var bins = ScottPlot.Statistics.Histogram.WithBinCount(Math.Clamp((int)Math.Sqrt(values.Length), 5, 40), values.Min(), values.Max() + 1e-9);
            bins.AddRange(values);
            var bars = histogram.Add.Bars(bins.Bins, bins.Counts);
            bars.Color = Colors.SeaGreen;
            foreach (var bar in bars.Bars)
            {
                bar.Size = bins.FirstBinSize;
            }
        }

        histogram.Title($"{throughputColumn.k}: distribution over {result.Rows.Count:N0} replications");
        histogram.XLabel("tasks finished within the horizon");
        histogram.YLabel("replications");
        return chart;
    }
}
