namespace ActorSim.Runs;

/// <summary>A run description that cannot be run: a malformed or contradictory value, named in the message.</summary>
public sealed class RunSpecException : Exception
{
    /// <summary>Creates the exception with the message that names the culprit.</summary>
    public RunSpecException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with the message that names the culprit and the error behind it.</summary>
    public RunSpecException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with a general message.</summary>
    public RunSpecException()
        : base("The run description is invalid.")
    {
    }
}
