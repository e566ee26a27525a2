namespace ActorSim.Egress.Storage;

/// <summary>Where chunk files are stored: a local folder or an S3 bucket and prefix. Paths are relative, with '/' separators.</summary>
public interface IObjectStore
{
    /// <summary>The store for messages, e.g. a folder or <c>s3://bucket/prefix at http://host:port</c>; never a secret.</summary>
    string Location { get; }

    /// <summary>Stores <paramref name="content"/> at <paramref name="path"/> atomically: readers see all of it under that name or nothing.</summary>
    Task PutAsync(string path, ReadOnlyMemory<byte> content, CancellationToken cancellationToken);

    /// <summary>The paths stored under <paramref name="prefix"/> (empty for all), sorted ordinally.</summary>
    Task<IReadOnlyList<string>> ListAsync(string prefix, CancellationToken cancellationToken);

    /// <summary>The bytes stored at <paramref name="path"/>.</summary>
    Task<byte[]> ReadAsync(string path, CancellationToken cancellationToken);
}
