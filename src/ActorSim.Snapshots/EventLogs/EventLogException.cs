namespace ActorSim.Snapshots.EventLogs;

/// <summary>An event log that cannot be read as asked: the message names the destination, the file and, for JSONL, the line.</summary>
public sealed class EventLogException : Exception
{
    /// <summary>Creates the exception with the message that names the culprit.</summary>
    public EventLogException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with the message that names the culprit and the error behind it.</summary>
    public EventLogException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with a general message.</summary>
    public EventLogException()
        : base("The event log cannot be read.")
    {
    }

    /// <summary>The file at fault, relative to the destination; null when the fault is not in one file.</summary>
    public string? File { get; init; }

    /// <summary>The 1-based line of a JSONL file at fault; null otherwise.</summary>
    public long? Line { get; init; }
}
