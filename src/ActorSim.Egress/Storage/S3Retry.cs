using System.Net;
using Amazon.Runtime;
using Amazon.S3;

namespace ActorSim.Egress.Storage;

/// <summary>Runs S3 requests with exponential backoff on transient failures, and turns failures into <see cref="ObjectStoreException"/>s.</summary>
internal sealed class S3Retry(S3StoreOptions options, string location)
{
    private static readonly HashSet<string> CredentialErrors = new(StringComparer.Ordinal)
    {
        "AccessDenied", "InvalidAccessKeyId", "SignatureDoesNotMatch", "InvalidToken", "ExpiredToken", "AllAccessDisabled",
    };

    /// <summary>Waits between attempts; <see cref="Task.Delay(TimeSpan, CancellationToken)"/> but in tests of the backoff schedule.</summary>
    internal Func<TimeSpan, CancellationToken, Task> Delay { get; init; } = Task.Delay;

    /// <summary>
    /// Runs <paramref name="request"/> up to <see cref="S3StoreOptions.MaxAttempts"/> times, waiting
    /// <see cref="S3StoreOptions.InitialBackoff"/> before the first retry and twice as long before each next one.
    /// </summary>
    /// <param name="path">The object the request is about, for messages; empty for none.</param>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Stops the attempts and the waits.</param>
    /// <param name="creatingBucket">True when the request creates the bucket (logged as such).</param>
    public async Task<T> RunAsync<T>(string path, Func<CancellationToken, Task<T>> request, CancellationToken cancellationToken, bool creatingBucket = false)
    {
        var delay = options.InitialBackoff;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await request(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested && IsRetryable(ex) is { } transient)
            {
                if (!transient || attempt >= options.MaxAttempts)
                {
                    throw Describe(path, ex, attempt);
                }

                if (options.Logger is { } logger)
                {
                    var error = (ex as AmazonServiceException)?.ErrorCode ?? ex.GetType().Name;
                    if (creatingBucket)
                    {
                        S3Log.RetryingBucketCreation(logger, options.Bucket, Endpoint, attempt, options.MaxAttempts, delay.TotalMilliseconds, error);
                    }
                    else
                    {
                        S3Log.Retrying(logger, options.Bucket, Endpoint, path, attempt, options.MaxAttempts, delay.TotalMilliseconds, error);
                    }
                }
            }

            await Delay(delay, cancellationToken).ConfigureAwait(false);
            delay += delay;
        }
    }

    /// <summary>A clear error for a failed request: bucket, endpoint, code and what to do; never a secret.</summary>
    public ObjectStoreException Describe(string path, Exception ex, int attempts)
    {
        var code = (ex as AmazonS3Exception)?.ErrorCode;
        string message;
        var transient = IsRetryable(ex) == true;
        if (code == "NoSuchBucket")
        {
            message = $"Bucket '{options.Bucket}' does not exist at {Endpoint} (NoSuchBucket); create it, or let the run create it (leave out --no-create-bucket; S3StoreOptions.CreateBucketIfMissing in the API).";
        }
        else if (code is not null && CredentialErrors.Contains(code))
        {
            message = $"Access to bucket '{options.Bucket}' at {Endpoint} was refused ({code}); check the credentials " +
                      "(S3StoreOptions.AccessKey/SecretKey or S3_ACCESS_KEY/S3_SECRET_KEY).";
        }
        else if (transient)
        {
            message = $"S3 endpoint {Endpoint} (bucket '{options.Bucket}') failed after {attempts} {(attempts == 1 ? "attempt" : "attempts")}: {Cause(ex)}";
        }
        else
        {
            message = $"S3 request to bucket '{options.Bucket}' at {Endpoint} failed ({code ?? ex.GetType().Name}): {ex.Message}";
        }

        return new ObjectStoreException(location, path, path.Length == 0 ? message : $"{message} Object '{path}'.", transient, ex);
    }

    private string Endpoint => options.DisplayEndpoint;

    /// <summary>True to retry, false for a permanent S3 error, null for exceptions that are not the store's.</summary>
    private static bool? IsRetryable(Exception ex) => ex switch
    {
        AmazonS3Exception s3 when s3.ErrorCode is "SlowDown" or "RequestTimeout" or "InternalError" or "ServiceUnavailable" => true,
        AmazonServiceException service when service.StatusCode is 0 => true,
        AmazonServiceException service => (int)service.StatusCode >= 500 || service.StatusCode == HttpStatusCode.TooManyRequests,
        HttpRequestException or IOException or TimeoutException or OperationCanceledException => true,
        AmazonClientException => true,
        _ => null,
    };

    /// <summary>The server's error code and message when it answered, else the network error.</summary>
    private static string Cause(Exception ex) => ex is AmazonServiceException { ErrorCode: { Length: > 0 } code } service
        ? $"{code} (HTTP {(int)service.StatusCode}): {service.Message}"
        : Inner(ex).Message;

    private static Exception Inner(Exception ex) => ex.InnerException is { } inner && ex is AmazonClientException or AmazonServiceException ? inner : ex;
}
