namespace ActorSim.Runs.Execution;

/// <summary>A destination that could not be checked or locked before the run (an unreachable store, a missing bucket): the run fails before it starts.</summary>
public sealed class DestinationUnavailableException : Exception
{
    /// <summary>Names <paramref name="destination"/> and the cause.</summary>
    public DestinationUnavailableException(string destination, Exception cause)
        : base($"cannot take destination '{destination}': {cause?.Message}", cause)
    {
        Destination = destination;
    }

    /// <summary>Creates the exception with a message only.</summary>
    public DestinationUnavailableException(string message)
        : base(message)
    {
        Destination = string.Empty;
    }

    /// <summary>Creates the exception with a general message.</summary>
    public DestinationUnavailableException()
        : this("A destination could not be taken.")
    {
    }

    /// <summary>The destination as given (a folder or <c>s3://bucket/prefix</c>).</summary>
    public string Destination { get; }
}
