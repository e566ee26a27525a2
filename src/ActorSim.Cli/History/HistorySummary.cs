using System.Globalization;
using ActorSim.Cli.Progress;
using ActorSim.Egress.Reports;
using Spectre.Console;

namespace ActorSim.Cli.History;

/// <summary>
/// The end-of-run summary: what was simulated, and per sink and destination what was published, written and dropped;
/// as plain lines (<see cref="Write"/>, stable for scripts and logs) or as a table on a terminal (<see cref="Render"/>).
/// </summary>
internal static class HistorySummary
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static void Write(TextWriter output, HistoryResult result)
    {
        output.WriteLine(Headline(result));
        output.WriteLine(Runtime());
        foreach (var sink in result.Egress.Sinks)
        {
            output.WriteLine(string.Create(Inv,
                $"sink {sink.Sink}: published {sink.Published:N0}, written {sink.Written:N0}, dropped {sink.Dropped:N0}, {sink.Chunks:N0} chunks, {sink.Bytes / 1e6:0.0} MB"));
            foreach (var destination in sink.Destinations)
            {
                output.WriteLine(string.Create(Inv,
                    $"  {destination.Destination}: {destination.Written:N0} of {destination.Published:N0} written in {destination.Chunks:N0} chunks ({destination.Bytes / 1e6:0.0} MB)"));
            }
        }
    }

    /// <summary>The same figures for a terminal: the headline, then one table row per sink and per destination.</summary>
    public static void Render(IAnsiConsole console, HistoryResult result)
    {
        console.WriteLine(Headline(result));
        console.MarkupLine($"[dim]{Markup.Escape(Runtime())}[/]");
        console.Write(SinkTable(result.Egress.Sinks));
    }

    /// <summary>Sinks (bold) and their destinations (indented): published, written, dropped, chunks and size.</summary>
    public static Table SinkTable(IEnumerable<SinkReport> sinks)
    {
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn("sink / destination").AddColumn(Right("published")).AddColumn(Right("written")).AddColumn(Right("dropped"))
            .AddColumn(Right("chunks")).AddColumn(Right("MB"));
        foreach (var sink in sinks)
        {
            table.AddRow(
                $"[bold]{Markup.Escape(sink.Sink)}[/]", Number(sink.Published), Number(sink.Written), Number(sink.Dropped), Number(sink.Chunks), Megabytes(sink.Bytes));
            foreach (var destination in sink.Destinations)
            {
                table.AddRow(
                    "  " + Markup.Escape(destination.Destination), Number(destination.Published), Number(destination.Written), string.Empty,
                    Number(destination.Chunks), Megabytes(destination.Bytes));
            }
        }

        return table;
    }

    private static string Headline(HistoryResult result)
    {
        var seconds = result.Elapsed.TotalSeconds;
        var tasks = result.Tasks is { } n ? string.Create(Inv, $"{n:N0} tasks, ") : string.Empty;
        return string.Create(Inv,
            $"Simulated {ProgressText.SimulatedTime(result.DurationSeconds)} from {result.Start:yyyy-MM-ddTHH:mm:ss.fff} with the {result.Engine} engine in {seconds:0.000} s: " +
            $"{tasks}{result.EngineEvents:N0} engine events, {result.Records:N0} records ({result.Records / Math.Max(seconds, 1e-9) / 1e6:0.00} M records/s).");
    }

    private static string Runtime() => string.Create(Inv,
        $"runtime: {GC.GetTotalAllocatedBytes() / 1e6:0} MB allocated, GC collections gen0/gen1/gen2 {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}, {GC.GetTotalPauseDuration().TotalSeconds:0.000} s paused; " +
        $"JIT {System.Runtime.JitInfo.GetCompiledMethodCount():N0} methods in {System.Runtime.JitInfo.GetCompilationTime().TotalSeconds:0.000} s");

    private static TableColumn Right(string header) => new TableColumn(header).RightAligned();

    private static string Number(long value) => value.ToString("N0", Inv);

    private static string Megabytes(long bytes) => (bytes / 1e6).ToString("0.0", Inv);
}
