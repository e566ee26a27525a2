using Microsoft.Extensions.Logging;

namespace ActorSim.Egress.Storage;

/// <summary>Log definitions of the S3 store, with stable event ids.</summary>
internal static partial class S3Log
{
    [LoggerMessage(EventId = 3101, Level = LogLevel.Warning,
        Message = "S3 request for '{Path}' in bucket '{Bucket}' at {Endpoint} failed ({Error}); attempt {Attempt} of {MaxAttempts}, retrying in {DelayMs} ms")]
    public static partial void Retrying(ILogger logger, string bucket, string endpoint, string path, int attempt, int maxAttempts, double delayMs, string error);

    [LoggerMessage(EventId = 3102, Level = LogLevel.Warning,
        Message = "Creating bucket '{Bucket}' at {Endpoint} failed ({Error}); attempt {Attempt} of {MaxAttempts}, retrying in {DelayMs} ms")]
    public static partial void RetryingBucketCreation(ILogger logger, string bucket, string endpoint, int attempt, int maxAttempts, double delayMs, string error);
}
