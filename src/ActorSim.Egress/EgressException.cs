namespace ActorSim.Egress;

/// <summary>
/// The egress failure family: every message names the sink, destination, column or path involved and,
/// where records were lost to the failure, how many were not written.
/// </summary>
public class EgressException : Exception
{
    /// <summary>Creates an egress failure with a message.</summary>
    public EgressException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an egress failure with a message and its cause.</summary>
    public EgressException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates an egress failure with no message (prefer the other constructors).</summary>
    public EgressException()
        : base("Egress failed.")
    {
    }

    /// <summary>The sink that failed, when one is known.</summary>
    public string? SinkName { get; init; }

    /// <summary>Records the failure left unwritten (published, not dropped, not yet in a chunk file); -1 when unknown.</summary>
    public long RecordsNotWritten { get; init; } = -1;
}
