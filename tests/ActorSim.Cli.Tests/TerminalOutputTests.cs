using ActorSim.Cli.CommandLine;
using ActorSim.Cli.History;
using ActorSim.Cli.Progress;
using ActorSim.Egress.Reports;

namespace ActorSim.Cli.Tests;

/// <summary>Spectre's renderings stay off writers that are no terminal: no escape code ever reaches a pipe, file or test writer.</summary>
public class TerminalOutputTests
{
    [Fact]
    public void A_test_writer_should_not_count_as_a_terminal()
    {
        using var writer = new StringWriter();

        Assert.False(Terminal.Is(writer));
    }

    [Fact]
    public void A_summary_table_on_a_writer_that_is_no_terminal_should_hold_no_escape_codes()
    {
        using var writer = new StringWriter();
        var sinks = new[] { new SinkReport("history", 10, 9, 1, [new DestinationReport("events.parquet", 9, 9, 1, 2_000_000)]) };

        Terminal.ConsoleFor(writer).Write(HistorySummary.SinkTable(sinks));

        var text = writer.ToString();
        Assert.DoesNotContain('\u001b', text);
        Assert.Contains("events.parquet", text);
        Assert.Contains("2.0", text);
    }

    [Fact]
    public void A_forecast_table_holds_every_kpi_with_its_interval_and_no_escape_codes_off_a_terminal()
    {
        using var writer = new StringWriter();
        var summary = ActorSim.Forecasts.Statistics.KpiSummary.Of([10.0, 12.0, 14.0]);
        var result = new ActorSim.Forecasts.ForecastResult(["throughput", "wait_mean"], [[10.0, double.NaN], [12.0, double.NaN], [14.0, double.NaN]], [("throughput", summary), ("wait_mean", null)], 0, TimeSpan.Zero);

        Terminal.ConsoleFor(writer).Write(ActorSim.Cli.Forecast.ForecastReport.KpiTable(result));

        var text = writer.ToString();
        Assert.DoesNotContain('\u001b', text);
        Assert.Contains("throughput", text);
        Assert.Contains($"[{summary.CiLow:#,0.###}, {summary.CiHigh:#,0.###}]", text);
        Assert.Contains("undefined in every replication", text);
    }

    [Fact]
    public void A_live_progress_bar_should_finish_once_and_write_no_escape_codes_off_a_terminal()
    {
        using var writer = new StringWriter();
        var progress = new LiveProgress(Terminal.ConsoleFor(writer));

        progress.Report(3600, 86400, 1000, TimeSpan.FromSeconds(1));
        progress.Report(86400, 86400, 24000, TimeSpan.FromSeconds(2));
        progress.Finish();
        progress.Finish();

        Assert.DoesNotContain('\u001b', writer.ToString());
    }

    [Fact]
    public void Log_progress_should_write_a_plain_line_with_time_records_rate_and_eta()
    {
        using var writer = new StringWriter();

        new LogProgress(writer, TimeSpan.FromSeconds(5)).Report(21600, 86400, 50_000, TimeSpan.FromSeconds(1));

        Assert.Equal("progress  25.0%  simulated 06:00:00 of 1d 00h00m  50,000 records  0.05 M records/s  ETA 3.0 s", writer.ToString().TrimEnd());
    }
}
