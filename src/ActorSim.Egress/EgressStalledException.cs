namespace ActorSim.Egress;

/// <summary>A sink stopped consuming: its queue stayed full (or its drain made no progress) for the stall timeout.</summary>
public sealed class EgressStalledException : EgressException
{
    /// <summary>Creates a stall error with a message naming the sink and the records not written.</summary>
    public EgressStalledException(string message)
        : base(message)
    {
    }

    /// <summary>Creates a stall error with a message and cause.</summary>
    public EgressStalledException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates a stall error with no detail (prefer the other constructors).</summary>
    public EgressStalledException()
        : base("Egress sink stalled.")
    {
    }
}
