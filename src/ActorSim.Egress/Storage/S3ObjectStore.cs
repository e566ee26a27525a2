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
    private readonly Lock _bucketGate = new();
    private Task? _bucketReady;

    /// <summary>Creates the client for <paramref name="options"/>; makes no request yet.</summary>
    /// <exception cref="ArgumentException">A setting is invalid: no bucket, a malformed endpoint (see <see cref="S3StoreOptions.Validate"/>), too few attempts or too small parts.</exception>
    public S3ObjectStore(S3StoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
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
    }

    /// <inheritdoc />
    public string Location { get; }

    /// <inheritdoc />
    public async Task PutAsync(string path, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        ChunkNaming.Validate(path, nameof(path));
        if (_options.CreateBucketIfMissing)
        {
            await BucketReady(cancellationToken).ConfigureAwait(false);
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
            await _client.PutObjectAsync(PutRequest(key, body), ct).ConfigureAwait(false);
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

    /// <inheritdoc />
    /// <remarks>
    /// First a listing: an object already there is never overwritten, on any server. Then a PutObject with
    /// <c>If-None-Match: *</c>: S3 (since 2024) and moto answer 412 when the key appeared meanwhile, so of two racing
    /// writers exactly one succeeds. A server that ignores the header (s3rver 3.7) overwrites instead; the read-back
    /// then catches a writer that came after, but two writers whose put and read-back interleave exactly can both win.
    /// </remarks>
    public async Task<bool> PutIfAbsentAsync(string path, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        ChunkNaming.Validate(path, nameof(path));
        if (_options.CreateBucketIfMissing)
        {
            await BucketReady(cancellationToken).ConfigureAwait(false);
        }

        var key = Key(path);
        if ((await ListAsync(path, cancellationToken).ConfigureAwait(false)).Contains(path))
        {
            return false;
        }

        var created = await _retry.RunAsync(path, async ct =>
        {
            using var body = AsStream(content);
            try
            {
                var request = PutRequest(key, body);
                request.IfNoneMatch = "*";
                await _client.PutObjectAsync(request, ct).ConfigureAwait(false);
                return true;
            }
            catch (AmazonS3Exception ex) when (ex.StatusCode is System.Net.HttpStatusCode.PreconditionFailed or System.Net.HttpStatusCode.Conflict)
            {
                return false;
            }
        }, cancellationToken).ConfigureAwait(false);
        return created && (await ReadAsync(path, cancellationToken).ConfigureAwait(false)).AsSpan().SequenceEqual(content.Span);
    }

    /// <inheritdoc />
    public Task DeleteAsync(string path, CancellationToken cancellationToken) =>
        _retry.RunAsync(path, async ct =>
        {
            await _client.DeleteObjectAsync(_options.Bucket, Key(path), ct).ConfigureAwait(false);
            return true;
        }, cancellationToken);

    /// <inheritdoc />
    public async Task<IReadOnlyList<string>> ListLeftoversAsync(CancellationToken cancellationToken) =>
        (await UnfinishedUploadsAsync(cancellationToken).ConfigureAwait(false)).Select(u => $"unfinished multipart upload of '{u.Key}'").ToList();

    /// <inheritdoc />
    public async Task RemoveLeftoversAsync(CancellationToken cancellationToken)
    {
        foreach (var upload in await UnfinishedUploadsAsync(cancellationToken).ConfigureAwait(false))
        {
            await _retry.RunAsync(upload.Key, async ct =>
            {
                await _client.AbortMultipartUploadAsync(_options.Bucket, upload.Key, upload.UploadId, ct).ConfigureAwait(false);
                return true;
            }, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Multipart uploads under the prefix that were started and never completed or aborted (a writer killed mid-upload).</summary>
    private async Task<List<MultipartUpload>> UnfinishedUploadsAsync(CancellationToken cancellationToken)
    {
        var uploads = new List<MultipartUpload>();
        string? keyMarker = null, uploadMarker = null;
        do
        {
            var page = await _retry.RunAsync("multipart uploads", async ct =>
            {
                try
                {
                    return await _client.ListMultipartUploadsAsync(new ListMultipartUploadsRequest
                    {
                        BucketName = _options.Bucket,
                        Prefix = _options.Prefix.Length == 0 ? null : _options.Prefix + "/",
                        KeyMarker = keyMarker,
                        UploadIdMarker = uploadMarker,
                    }, ct).ConfigureAwait(false);
                }
                catch (AmazonS3Exception ex) when (ex.ErrorCode == "NotImplemented")
                {
                    // s3rver cannot list uploads; nothing that a reader sees is missed (an unfinished upload is invisible).
                    return new ListMultipartUploadsResponse();
                }
            }, cancellationToken).ConfigureAwait(false);
            uploads.AddRange(page.MultipartUploads ?? []);
            (keyMarker, uploadMarker) = page.IsTruncated == true ? (page.NextKeyMarker, page.NextUploadIdMarker) : (null, null);
        }
        while (keyMarker is not null);
        return uploads;
    }

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

    /// <summary>The bucket's creation, started by the first write and shared by every later one (a failure fails them all).</summary>
    private Task BucketReady(CancellationToken cancellationToken)
    {
        lock (_bucketGate)
        {
            return _bucketReady ??= CreateBucketAsync(cancellationToken);
        }
    }

    /// <summary>Creates the bucket, retried like every other request; one that already exists is fine.</summary>
    private Task CreateBucketAsync(CancellationToken cancellationToken) =>
        _retry.RunAsync(string.Empty, async ct =>
        {
            try
            {
                await _client.PutBucketAsync(new PutBucketRequest { BucketName = _options.Bucket }, ct).ConfigureAwait(false);
            }
            catch (AmazonS3Exception ex) when (ex.ErrorCode is "BucketAlreadyOwnedByYou" or "BucketAlreadyExists")
            {
                // Already there.
            }

            return true;
        }, cancellationToken, creatingBucket: true);

    private PutObjectRequest PutRequest(string key, Stream body) => new()
    {
        BucketName = _options.Bucket,
        Key = key,
        InputStream = body,
        AutoCloseStream = false,
        UseChunkEncoding = _options.UseChunkEncoding,
    };

    private string Key(string path) => _options.Prefix.Length == 0 ? path : _options.Prefix + "/" + path;

    private static MemoryStream AsStream(ReadOnlyMemory<byte> content) =>
        System.Runtime.InteropServices.MemoryMarshal.TryGetArray(content, out var segment)
            ? new MemoryStream(segment.Array!, segment.Offset, segment.Count, writable: false)
            : new MemoryStream(content.ToArray(), writable: false);
}
