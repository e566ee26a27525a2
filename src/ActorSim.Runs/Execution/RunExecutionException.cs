using ActorSim.Egress.Reports;

namespace ActorSim.Runs.Execution;

/// <summary>
/// A run that failed, with what its caller needs to report it once: the cause, the logical start (to name the instant
/// of a simulated time), the line of a single-line run, and every line's egress counts taken after the run stopped.
/// </summary>
public sealed class RunExecutionException : Exception
{
    /// <summary>Wraps <paramref name="cause"/> with the run's start, its single line (null for a plant) and its lines' counts.</summary>
    public RunExecutionException(Exception cause, DateTime start, string? line, IReadOnlyList<(string Line, EgressReport Report)> egress)
        : base(cause?.Message, cause)
    {
        Start = start;
        Line = line;
        Egress = egress;
    }

    /// <summary>Creates the exception with a message only (no counts).</summary>
    public RunExecutionException(string message, Exception innerException)
        : base(message, innerException)
    {
        Egress = [];
    }

    /// <summary>Creates the exception with a message only (no counts).</summary>
    public RunExecutionException(string message)
        : base(message)
    {
        Egress = [];
    }

    /// <summary>Creates the exception with a general message.</summary>
    public RunExecutionException()
        : this("The run failed.")
    {
    }

    /// <summary>The run's logical start.</summary>
    public DateTime Start { get; }

    /// <summary>The line of a single-line run; null for a plant, whose failures name their line.</summary>
    public string? Line { get; }

    /// <summary>Every egress of the run with its line (one per line), counted after the run stopped.</summary>
    public IReadOnlyList<(string Line, EgressReport Report)> Egress { get; }

    /// <summary>Per line and sink, the counts a manifest records for the failed run.</summary>
    public IReadOnlyList<(string Line, SinkReport Report)> SinkReports => Egress.SelectMany(e => e.Report.Sinks.Select(s => (e.Line, s))).ToList();
}
