namespace ActorSim.Snapshots.Database;

/// <summary>
/// The database cannot be used: the server is unreachable, refuses the login or has no such database, or a read
/// times out. The message names the server (host, port, database, user) and never the password.
/// </summary>
public sealed class DatabaseStateException : Exception
{
    /// <summary>Creates the exception with the message that names the server.</summary>
    public DatabaseStateException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with the message that names the server and the error behind it.</summary>
    public DatabaseStateException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with a general message.</summary>
    public DatabaseStateException()
        : base("The database cannot be read.")
    {
    }
}
