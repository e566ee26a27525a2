using ActorSim.Egress.Reports;

namespace ActorSim.Cli.History;

/// <summary>
/// A history run that failed, with what the CLI needs to report it once: the cause, the run's logical start (to name
/// the instant of a simulated time), the line of a single-line run, and the egress counts of the whole run.
/// </summary>
internal sealed class HistoryRunException(Exception cause, DateTime start, string? line, IReadOnlyList<(string Line, EgressReport Report)> egress)
    : Exception(cause.Message, cause)
{
    public DateTime Start { get; } = start;

    /// <summary>The line of a single-line run; null for a plant, whose failures name their line.</summary>
    public string? Line { get; } = line;

    /// <summary>Every egress of the run with its line (one per line of a plant), counted after the run stopped.</summary>
    public IReadOnlyList<(string Line, EgressReport Report)> Egress { get; } = egress;

    /// <summary>Per line and sink, the counts the manifest records for the failed run.</summary>
    public IReadOnlyList<(string Line, SinkReport Report)> SinkReports => Egress.SelectMany(e => e.Report.Sinks.Select(s => (e.Line, s))).ToList();
}
