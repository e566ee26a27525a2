using ActorSim.Runs;
using ActorSim.Runs.Execution;
using System.Globalization;
using ActorSim.Actors.Messages;
using ActorSim.Egress.Reports;
using ActorSim.Model.Plants;
using Spectre.Console;

namespace ActorSim.Cli.History;

/// <summary>
/// A plant run's summary: what the engine did, what every line's sinks published, wrote and dropped, and (actors) each
/// line's waits; as plain lines (<see cref="Write"/>, stable for scripts and logs) or as tables on a terminal (<see cref="Render"/>).
/// </summary>
internal static class PlantSummary
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static void Write(TextWriter output, CompiledRun run, RunOutcome outcome)
    {
        var (stats, elapsed, reports, actorStats) = (outcome.Stats, outcome.Elapsed, outcome.Lines, outcome.ActorStats);
        output.WriteLine(Headline(run, stats, elapsed));
        foreach (var (line, report) in reports)
        {
            foreach (var sink in report.Sinks)
            {
                output.WriteLine(string.Create(Inv,
                    $"line {line}, sink {sink.Sink}: published {sink.Published:N0}, written {sink.Written:N0}, dropped {sink.Dropped:N0}, {sink.Chunks:N0} chunks"));
            }
        }

        if (actorStats is null)
        {
            return;
        }

        foreach (var line in actorStats.Lines)
        {
            output.WriteLine(string.Create(Inv,
                $"line {line.SimId}: {line.ProcessedEvents:N0} events, {line.Grants:N0} grants, busy {line.BusySeconds:0.000} s, " +
                $"sync wait {line.SyncWaitSeconds:0.000} s, egress blocked {line.EgressBlockedSeconds:0.000} s"));
        }

        output.WriteLine(Efficiency(actorStats));
    }

    /// <summary>The same figures for a terminal: the headline, a table of lines and sinks, and (actors) a table of the lines' time.</summary>
    public static void Render(IAnsiConsole console, CompiledRun run, RunOutcome outcome)
    {
        var (stats, elapsed, reports, actorStats) = (outcome.Stats, outcome.Elapsed, outcome.Lines, outcome.ActorStats);
        console.WriteLine(Headline(run, stats, elapsed));
        var sinks = new Table().Border(TableBorder.Rounded).AddColumns("line", "sink").AddColumns(Right("published"), Right("written"), Right("dropped"), Right("chunks"));
        foreach (var (line, report) in reports)
        {
            foreach (var sink in report.Sinks)
            {
                sinks.AddRow(Markup.Escape(line), Markup.Escape(sink.Sink), Number(sink.Published), Number(sink.Written), Number(sink.Dropped), Number(sink.Chunks));
            }
        }

        console.Write(sinks);
        if (actorStats is null)
        {
            return;
        }

        var lines = new Table().Border(TableBorder.Rounded).AddColumn("line")
            .AddColumns(Right("events"), Right("grants"), Right("busy s"), Right("sync wait s"), Right("egress blocked s"));
        foreach (var line in actorStats.Lines)
        {
            lines.AddRow(
                Markup.Escape(line.SimId), Number(line.ProcessedEvents), Number(line.Grants), Seconds(line.BusySeconds), Seconds(line.SyncWaitSeconds),
                Seconds(line.EgressBlockedSeconds));
        }

        console.Write(lines);
        console.WriteLine(Efficiency(actorStats));
    }

    private static string Headline(CompiledRun run, PlantRunStats stats, TimeSpan elapsed) => string.Create(Inv,
        $"Simulated {run.Plant.Lines.Count} lines for {run.Spec.DurationSeconds:0} s with the {run.Spec.Engine.ToString().ToLowerInvariant()} engine in {elapsed.TotalSeconds:0.000} s: " +
        $"{stats.ProcessedEvents:N0} engine events, {stats.ItemsSent:N0} items sent{Synchronization(run.Spec.Engine, stats)}.");

    /// <summary>How the engine synchronized: the sequential one does not; the windowed one grants in rounds, the actors as lines report.</summary>
    private static string Synchronization(RunEngine engine, PlantRunStats stats) => engine switch
    {
        RunEngine.Windowed => string.Create(Inv, $", {stats.Grants:N0} grants in {stats.Rounds:N0} rounds"),
        RunEngine.Actors => string.Create(Inv, $", {stats.Grants:N0} grants"),
        _ => string.Empty,
    };

    private static string Efficiency(ActorRunStats actorStats) =>
        string.Create(Inv, $"parallel efficiency {actorStats.ParallelEfficiency:0.00} on {actorStats.Parallelism} line threads");

    private static TableColumn Right(string header) => new TableColumn(header).RightAligned();

    private static string Number(long value) => value.ToString("N0", Inv);

    private static string Seconds(double value) => value.ToString("0.000", Inv);
}
