using System.Globalization;
using ActorSim.Egress.Reports;
using ActorSim.Engine;
using ActorSim.Model.Plants;
using ActorSim.Runs.Execution;

namespace ActorSim.Cli.History;

/// <summary>
/// Words a failed run once: which line failed at which simulated time (and the instant it stands for), the cause
/// without repeats, and the records of the whole run — published, written, dropped by routing, not written.
/// </summary>
internal static class FailureText
{
    public static string Describe(Exception e)
    {
        if (e is not RunExecutionException { InnerException: not null } run)
        {
            return Chain(e);
        }

        var text = Cause(run.InnerException!, run.Start, run.Line);
        return run.Egress.Count == 0 ? text : $"{text.TrimEnd()}{(text.TrimEnd().EndsWith('.') ? "" : ".")} {Totals(run.Egress.Select(e => e.Report))}";
    }

    /// <summary>The records of the whole run, summed over lines and sinks.</summary>
    public static string Totals(IEnumerable<EgressReport> egress)
    {
        long published = 0, written = 0, dropped = 0, notWritten = 0;
        foreach (var sink in egress.SelectMany(r => r.Sinks))
        {
            published += sink.Published;
            written += sink.Written;
            dropped += sink.Dropped;
            notWritten += sink.NotWritten;
        }

        var droppedText = dropped > 0 ? string.Create(CultureInfo.InvariantCulture, $", {Records(dropped)} dropped by routing") : string.Empty;
        return string.Create(CultureInfo.InvariantCulture,
            $"Records over the whole run: {Records(published)} published, {Records(written)} written{droppedText}, {Records(notWritten)} not written.");
    }

    private static string Records(long n) => n.ToString("N0", CultureInfo.InvariantCulture);

    private static string Cause(Exception e, DateTime start, string? line)
    {
        if (e is AggregateException { InnerExceptions.Count: 1 } aggregate)
        {
            e = aggregate.InnerExceptions[0];
        }

        return e switch
        {
            // Direct engines: the line and time from the exception, the cause from beneath the engine's own wrapper.
            LineFailedException { InnerException: SimulationException { InnerException: { } cause } } l =>
                $"Line '{l.SimId}' failed at t={SimTime.Format(l.SimulatedTime, start)}: {Chain(cause)}",
            LineFailedException { InnerException: { } cause } l =>
                $"Line '{l.SimId}' failed at t={SimTime.Format(l.SimulatedTime, start)}: {Chain(cause)}",
            SimulationException { InnerException: { } cause } s =>
                $"{(line is null ? "The simulation" : $"Line '{line}'")} failed at t={SimTime.Format(s.SimulatedTime, start)}: {Chain(cause)}",
            _ => Chain(e),
        };
    }

    /// <summary>An exception's message without the <c>(Parameter '…')</c> an <see cref="ArgumentException"/> appends: a C# name, not the user's.</summary>
    public static string Message(Exception e) => e is ArgumentException { ParamName: { } name }
        ? e.Message.Replace($" (Parameter '{name}')", string.Empty, StringComparison.Ordinal)
        : e.Message;

    /// <summary>The chain of messages down to the root cause, without repeats.</summary>
    private static string Chain(Exception e)
    {
        var messages = new List<string>();
        for (var current = e; current is not null; current = current.InnerException)
        {
            var message = Message(current);
            if (!messages.Exists(m => m.Contains(message, StringComparison.Ordinal)))
            {
                messages.Add(message);
            }
        }

        return string.Join(" <- ", messages);
    }
}
