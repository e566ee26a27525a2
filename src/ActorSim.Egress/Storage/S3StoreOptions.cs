namespace ActorSim.Egress.Storage;

/// <summary>
/// Settings of an <see cref="S3ObjectStore"/>. Credentials come from <see cref="AccessKey"/>/<see cref="SecretKey"/>, else the
/// environment variables <c>S3_ACCESS_KEY</c>/<c>S3_SECRET_KEY</c>, else the standard AWS chain (with EC2 instance
/// metadata off unless <see cref="AllowInstanceMetadata"/>). The compatibility switches default to what S3-compatible
/// servers (moto, SeaweedFS, MinIO, s3rver) accept.
/// </summary>
public sealed record S3StoreOptions
{
    /// <summary>The bucket.</summary>
    public required string Bucket { get; init; }

    /// <summary>Key prefix for every object, without leading or trailing '/' (may be empty).</summary>
    public string Prefix { get; init; } = string.Empty;

    /// <summary>Endpoint override, e.g. <c>http://127.0.0.1:8333</c> or <c>127.0.0.1:8333</c> (http assumed); null for AWS.</summary>
    public string? Endpoint { get; init; }

    /// <summary>Signing region (default <c>us-east-1</c>).</summary>
    public string Region { get; init; } = "us-east-1";

    /// <summary>Access key id; null to look in the environment.</summary>
    public string? AccessKey { get; init; }

    /// <summary>Secret key; null to look in the environment. Never logged or put in messages.</summary>
    public string? SecretKey { get; init; }

    /// <summary>Create the bucket before the first write when it does not exist (opt-in; default false).</summary>
    public bool CreateBucketIfMissing { get; init; }

    /// <summary>Path-style addressing (<c>endpoint/bucket/key</c>; default true, as S3-compatible servers need).</summary>
    public bool ForcePathStyle { get; init; } = true;

    /// <summary>aws-chunked uploads (default false: s3rver and others store the chunk framing inside the object).</summary>
    public bool UseChunkEncoding { get; init; }

    /// <summary>Compute and validate checksums only when the operation requires them (default true, for servers without flexible checksums).</summary>
    public bool ChecksumsWhenRequired { get; init; } = true;

    /// <summary>Let the standard credential chain query EC2 instance metadata (default false: never probe it).</summary>
    public bool AllowInstanceMetadata { get; init; }

    /// <summary>Attempts per request for transient failures (default 4).</summary>
    public int MaxAttempts { get; init; } = 4;

    /// <summary>Wait before the first retry; doubled each time (default 200 ms).</summary>
    public TimeSpan InitialBackoff { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Time limit of one request (default 60 s).</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Objects larger than this go up as a multipart upload (default 64 MiB).</summary>
    public long MultipartThreshold { get; init; } = 64L << 20;

    /// <summary>Part size of multipart uploads (default 16 MiB; S3's minimum is 5 MiB).</summary>
    public int PartSize { get; init; } = 16 << 20;

    /// <summary>Where retries are logged (bucket, endpoint, attempt and error code; never credentials); null for none.</summary>
    public Microsoft.Extensions.Logging.ILogger? Logger { get; init; }

    /// <summary>
    /// Throws an <see cref="ArgumentException"/> when <see cref="Endpoint"/> is not <c>host[:port]</c> or
    /// <c>http(s)://host[:port]</c>, or carries credentials (<c>user:secret@</c>); the message never repeats them.
    /// </summary>
    public void Validate()
    {
        if (Endpoint is { Length: > 0 } endpoint && S3Endpoint.Problem(endpoint) is { } problem)
        {
            throw new ArgumentException($"S3_ENDPOINT '{S3Endpoint.Redact(endpoint)}' {problem}. Expected {S3Endpoint.ExpectedForm}.");
        }
    }

    /// <summary>The endpoint as a URL (http assumed when no scheme is given), or null.</summary>
    public string? EndpointUrl => Endpoint is null or "" ? null
        : Endpoint.Contains("://", StringComparison.Ordinal) ? Endpoint : "http://" + Endpoint;

    /// <summary>
    /// Options from the history example's environment: <c>S3_ENDPOINT</c> (host:port, http), <c>S3_ACCESS_KEY</c>,
    /// <c>S3_SECRET_KEY</c>; bucket and prefix as given.
    /// </summary>
    public static S3StoreOptions FromEnvironment(string bucket, string prefix = "") => new()
    {
        Bucket = bucket,
        Prefix = prefix,
        Endpoint = Environment.GetEnvironmentVariable("S3_ENDPOINT"),
    };

    /// <summary>The endpoint for logs and messages: its URL without user-info, or <c>AWS &lt;region&gt;</c>.</summary>
    internal string DisplayEndpoint => EndpointUrl is { } url ? S3Endpoint.Redact(url) : "AWS " + Region;

    /// <inheritdoc />
    public override string ToString() => $"s3://{Bucket}/{Prefix} at {DisplayEndpoint}";
}
