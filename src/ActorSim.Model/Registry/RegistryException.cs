namespace ActorSim.Model.Registry;

/// <summary>An unknown registry path, or an update refused by a path's type or rule; the message names path, value and rule.</summary>
public sealed class RegistryException : Exception
{
    /// <summary>Creates the exception.</summary>
    public RegistryException(string path, string message)
        : base(message)
    {
        Path = path;
    }

    /// <summary>The path concerned.</summary>
    public string Path { get; }
}
