namespace ActorSim.Egress.Storage;

/// <summary>A parsed destination string: a local folder (<c>DIR</c>) or an S3 bucket and prefix (<c>s3://bucket/prefix</c>).</summary>
public sealed record ObjectStoreLocation
{
    private ObjectStoreLocation(string? directory, string? bucket, string prefix)
    {
        Directory = directory;
        Bucket = bucket;
        Prefix = prefix;
    }

    /// <summary>The local folder, or null for S3.</summary>
    public string? Directory { get; }

    /// <summary>The S3 bucket, or null for a local folder.</summary>
    public string? Bucket { get; }

    /// <summary>The S3 key prefix without leading or trailing '/', possibly empty.</summary>
    public string Prefix { get; }

    /// <summary>True for <c>s3://</c>.</summary>
    public bool IsS3 => Bucket is not null;

    /// <summary>
    /// Parses <c>DIR</c> or <c>s3://bucket[/prefix]</c>. The bucket must follow S3's naming rules, and the prefix (one
    /// trailing '/' allowed) must have no empty, <c>.</c> or <c>..</c> segments; an <see cref="ArgumentException"/> names
    /// the rule that is broken.
    /// </summary>
    public static ObjectStoreLocation Parse(string destination)
    {
        if (string.IsNullOrWhiteSpace(destination))
        {
            throw new ArgumentException("A destination must be a folder or s3://bucket/prefix; it is empty.", nameof(destination));
        }

        if (!destination.StartsWith("s3://", StringComparison.OrdinalIgnoreCase))
        {
            return new ObjectStoreLocation(destination, null, string.Empty);
        }

        var rest = destination["s3://".Length..];
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        var bucket = slash < 0 ? rest : rest[..slash];
        var prefix = slash < 0 ? string.Empty : rest[(slash + 1)..];
        if (bucket.Length == 0)
        {
            throw new ArgumentException($"Destination '{destination}' names no bucket; use s3://bucket/prefix.", nameof(destination));
        }

        if (S3BucketName.BrokenRule(bucket) is { } rule)
        {
            throw new ArgumentException($"Destination '{destination}': the bucket name '{bucket}' breaks S3's naming rules: {rule}.");
        }

        prefix = prefix.EndsWith('/') ? prefix[..^1] : prefix;
        if (prefix.Length > 0 && (prefix.Contains('\\', StringComparison.Ordinal) || prefix.Split('/').Any(s => s is "" or "." or "..")))
        {
            throw new ArgumentException(
                $"Destination '{destination}': the key prefix '{prefix}' must have '/' separators and no empty, '.' or '..' segments, e.g. s3://{bucket}/history/run-1.");
        }

        return new ObjectStoreLocation(null, bucket, prefix);
    }

    /// <summary>
    /// The store for this location: a <see cref="LocalObjectStore"/>, or an <see cref="S3ObjectStore"/> with bucket and
    /// prefix from the location and everything else (endpoint, credentials) from <paramref name="s3"/>.
    /// </summary>
    public IObjectStore CreateStore(S3StoreOptions? s3 = null) => IsS3
        ? new S3ObjectStore((s3 ?? new S3StoreOptions { Bucket = Bucket! }) with { Bucket = Bucket!, Prefix = Prefix })
        : new LocalObjectStore(Directory!);

    /// <inheritdoc />
    public override string ToString() => IsS3 ? $"s3://{Bucket}/{Prefix}" : Directory!;
}
