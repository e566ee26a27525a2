using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using ActorSim.Egress.Internal;

namespace ActorSim.Egress.Storage;

/// <summary>
/// Chunk files in an S3 bucket (AWS or S3-compatible, through an endpoint override): one PutObject per chunk, or a
/// completed multipart upload above <see cref="S3StoreOptions.MultipartThreshold"/>, so a chunk is visible whole or not
/// at all. Transient errors are retried with exponential backoff; permanent ones fail with the bucket and endpoint named.
/// </summary>
public sealed class S3ObjectStore : IObjectStore, IDisposable
{
    private readonly S3StoreOptions _options;
    private readonly AmazonS3Client _client;
    private readonly S3Retry _retry;
    private readonly Lazy<Task> _bucketReady;

    /// <summary>Creates the client for <paramref name="options"/>; makes no request yet.</summary>
    public S3ObjectStore(S3StoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.Bucket))
        {
            throw new ArgumentException("An S3 store needs a bucket (S3StoreOptions.Bucket).", nameof(options));
        }

        if (options.MaxAttempts < 1 || options.PartSize < 5 << 20)
        {
            throw new ArgumentException($"S3 store {options}: MaxAttempts must be >= 1 and PartSize >= 5 MiB.", nameof(options));
        }

        _options = options with { Prefix = options.Prefix.Trim('/') };
        Location = _options.ToString();
        _client = S3ClientFactory.Create(_options);
        _retry = new S3Retry(_options, Location);
        _bucketReady = new Lazy<Task>(EnsureBucketAsync);
    }

    /// <inheritdoc />
    public string Location { get; }

    /// <inheritdoc />
    public async Task PutAsync(string path, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        ChunkNaming.Validate(path, nameof(path));
        if (_options.CreateBucketIfMissing)
        {
            await _bucketReady.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        var key = Key(path);
        if (content.Length > _options.MultipartThreshold)
        {
            await PutMultipartAsync(path, key, content, cancellationToken).ConfigureAwait(false);
            return;
        }

        await _retry.RunAsync(path, async ct =>
        {
            using var body = AsStream(content);
            await _client.PutObjectAsync(new PutObjectRequest
            {
                BucketName = _options.Bucket,
                Key = key,
                InputStream = body,
                AutoCloseStream = false,
                UseChunkEncoding = _options.UseChunkEncoding,
            }, ct).ConfigureAwait(false);
            return true;
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<string>> ListAsync(string prefix, CancellationToken cancellationToken)
    {
        var paths = new List<string>();
        var keyPrefix = Key(prefix ?? string.Empty);
        string? token = null;
        do
        {
            var page = await _retry.RunAsync(prefix ?? string.Empty, ct => _client.ListObjectsV2Async(new ListObjectsV2Request
            {
                BucketName = _options.Bucket,
                Prefix = keyPrefix,
                ContinuationToken = token,
            }, ct), cancellationToken).ConfigureAwait(false);
            foreach (var o in page.S3Objects ?? [])
            {
                paths.Add(_options.Prefix.Length == 0 ? o.Key : o.Key[(_options.Prefix.Length + 1)..]);
            }

            token = page.IsTruncated == true ? page.NextContinuationToken : null;
        }
        while (token is not null);
        paths.Sort(StringComparer.Ordinal);
        return paths;
    }

    /// <inheritdoc />
    public Task<byte[]> ReadAsync(string path, CancellationToken cancellationToken) =>
        _retry.RunAsync(path, async ct =>
        {
            using var response = await _client.GetObjectAsync(_options.Bucket, Key(path), ct).ConfigureAwait(false);
            using var bytes = new MemoryStream();
            await response.ResponseStream.CopyToAsync(bytes, ct).ConfigureAwait(false);
            return bytes.ToArray();
        }, cancellationToken);

    /// <summary>Releases the HTTP client.</summary>
    public void Dispose() => _client.Dispose();

    private async Task PutMultipartAsync(string path, string key, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        var upload = await _retry.RunAsync(path, ct => _client.InitiateMultipartUploadAsync(
            new InitiateMultipartUploadRequest { BucketName = _options.Bucket, Key = key }, ct), cancellationToken).ConfigureAwait(false);
        try
        {
            var parts = new List<PartETag>();
            for (int offset = 0, number = 1; offset < content.Length; offset += _options.PartSize, number++)
            {
                var slice = content.Slice(offset, Math.Min(_options.PartSize, content.Length - offset));
                var partNumber = number;
                var part = await _retry.RunAsync(path, async ct =>
                {
                    using var body = AsStream(slice);
                    return await _client.UploadPartAsync(new UploadPartRequest
                    {
                        BucketName = _options.Bucket,
                        Key = key,
                        UploadId = upload.UploadId,
                        PartNumber = partNumber,
                        InputStream = body,
                        PartSize = slice.Length,
                        UseChunkEncoding = _options.UseChunkEncoding,
                    }, ct).ConfigureAwait(false);
                }, cancellationToken).ConfigureAwait(false);
                parts.Add(new PartETag(partNumber, part.ETag));
            }

            await _retry.RunAsync(path, ct => _client.CompleteMultipartUploadAsync(new CompleteMultipartUploadRequest
            {
                BucketName = _options.Bucket,
                Key = key,
                UploadId = upload.UploadId,
                PartETags = parts,
            }, ct), cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            try
            {
                // Cancelled: abort all the same (the upload's parts cost storage), but wait no more than a second for it.
                using var abort = cancellationToken.IsCancellationRequested ? new CancellationTokenSource(TimeSpan.FromSeconds(1)) : null;
                await _client.AbortMultipartUploadAsync(_options.Bucket, key, upload.UploadId, abort?.Token ?? CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception abortError) when (abortError is AmazonServiceException or OperationCanceledException)
            {
                // The upload is already failing (or cancelled); the original error matters.
            }

            throw;
        }
    }

    private async Task EnsureBucketAsync()
    {
        try
        {
            await _client.PutBucketAsync(new PutBucketRequest { BucketName = _options.Bucket }).ConfigureAwait(false);
        }
        catch (AmazonS3Exception ex) when (ex.ErrorCode is "BucketAlreadyOwnedByYou" or "BucketAlreadyExists")
        {
            // Already there.
        }
        catch (Exception ex) when (ex is AmazonServiceException or HttpRequestException)
        {
            throw _retry.Describe("", ex, 1);
        }
    }

    private string Key(string path) => _options.Prefix.Length == 0 ? path : _options.Prefix + "/" + path;

    private static MemoryStream AsStream(ReadOnlyMemory<byte> content) =>
        System.Runtime.InteropServices.MemoryMarshal.TryGetArray(content, out var segment)
            ? new MemoryStream(segment.Array!, segment.Offset, segment.Count, writable: false)
            : new MemoryStream(content.ToArray(), writable: false);
}
