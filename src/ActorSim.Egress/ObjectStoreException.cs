namespace ActorSim.Egress;

/// <summary>An object store refused or could not take a write; the message names the store (bucket, endpoint or folder) and path, never a secret.</summary>
public sealed class ObjectStoreException : EgressException
{
    /// <summary>Creates a store error for a store location and object path.</summary>
    public ObjectStoreException(string store, string path, string message, bool isTransient, Exception? innerException)
        : base(message, innerException)
    {
        Store = store;
        Path = path;
        IsTransient = isTransient;
    }

    /// <summary>Creates a store error with a message only (prefer the other constructor).</summary>
    public ObjectStoreException(string message)
        : base(message)
    {
        Store = Path = string.Empty;
    }

    /// <summary>Creates a store error with a message and cause (prefer the other constructor).</summary>
    public ObjectStoreException(string message, Exception? innerException)
        : base(message, innerException)
    {
        Store = Path = string.Empty;
    }

    /// <summary>Creates a store error with no detail (prefer the other constructors).</summary>
    public ObjectStoreException()
        : this("Object store failed.")
    {
    }

    /// <summary>The store, e.g. <c>s3://bucket/prefix at http://127.0.0.1:9000</c> or a folder.</summary>
    public string Store { get; }

    /// <summary>The object path relative to the store.</summary>
    public string Path { get; }

    /// <summary>True when retrying may succeed (time-outs, 5xx, throttling, connection errors).</summary>
    public bool IsTransient { get; }
}
