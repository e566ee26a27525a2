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

    /// <summary>
    /// Stores <paramref name="content"/> at <paramref name="path"/> only if nothing is stored there yet, in one atomic
    /// step where the store offers one; false when the path was taken. Destination locks are built on it.
    /// </summary>
    Task<bool> PutIfAbsentAsync(string path, ReadOnlyMemory<byte> content, CancellationToken cancellationToken) =>
        throw new NotSupportedException($"The store {Location} cannot create an object only if it is absent, so it cannot hold a destination lock.");

    /// <summary>Removes <paramref name="path"/>; nothing happens when it is not there.</summary>
    Task DeleteAsync(string path, CancellationToken cancellationToken) =>
        throw new NotSupportedException($"The store {Location} cannot remove objects.");

    /// <summary>
    /// What a writer that died left behind and no reader should see: hidden temporary files in a folder, unfinished
    /// multipart uploads in a bucket. Each entry names one, for messages.
    /// </summary>
    Task<IReadOnlyList<string>> ListLeftoversAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<string>>([]);

    /// <summary>Removes everything <see cref="ListLeftoversAsync"/> lists.</summary>
    Task RemoveLeftoversAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
