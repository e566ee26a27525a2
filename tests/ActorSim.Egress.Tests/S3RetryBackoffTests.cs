using System.Net;
using ActorSim.Egress.Storage;
using ActorSim.Egress.Tests.Support;
using Amazon.S3;

namespace ActorSim.Egress.Tests;

/// <summary>The schedule of waits between S3 attempts, observed through the retry's delay instead of the wall clock.</summary>
public class S3RetryBackoffTests
{
    private static S3StoreOptions Options(int maxAttempts, TimeSpan initialBackoff, ListLogger? logger = null) => new()
    {
        Bucket = "history",
        Endpoint = "127.0.0.1:9",
        MaxAttempts = maxAttempts,
        InitialBackoff = initialBackoff,
        Logger = logger,
    };

    private static (S3Retry Retry, List<TimeSpan> Waits) Retry(S3StoreOptions options)
    {
        var waits = new List<TimeSpan>();
        var retry = new S3Retry(options, "s3://history/")
        {
            Delay = (wait, _) =>
            {
                waits.Add(wait);
                return Task.CompletedTask;
            },
        };
        return (retry, waits);
    }

    [Fact]
    public async Task RunAsync_should_double_the_wait_after_each_failed_attempt()
    {
        var (retry, waits) = Retry(Options(maxAttempts: 5, TimeSpan.FromMilliseconds(200)));
        var attempts = 0;

        var error = await Assert.ThrowsAsync<ObjectStoreException>(() => retry.RunAsync<int>("events_000001.parquet", _ =>
        {
            attempts++;
            throw new HttpRequestException("connection refused");
        }, CancellationToken.None));

        Assert.Equal(5, attempts);
        Assert.Equal([200, 400, 800, 1600], waits.Select(w => w.TotalMilliseconds));
        Assert.Contains("failed after 5 attempts", error.Message);
    }

    [Fact]
    public async Task RunAsync_should_stop_waiting_once_an_attempt_succeeds()
    {
        var (retry, waits) = Retry(Options(maxAttempts: 4, TimeSpan.FromMilliseconds(50)));
        var attempts = 0;

        var result = await retry.RunAsync("events_000001.parquet", _ =>
        {
            attempts++;
            return attempts < 3
                ? throw new AmazonS3Exception("slow down") { ErrorCode = "SlowDown", StatusCode = HttpStatusCode.ServiceUnavailable }
                : Task.FromResult(42);
        }, CancellationToken.None);

        Assert.Equal(42, result);
        Assert.Equal([50, 100], waits.Select(w => w.TotalMilliseconds));
    }

    [Fact]
    public async Task RunAsync_should_not_wait_before_failing_on_a_permanent_error()
    {
        var (retry, waits) = Retry(Options(maxAttempts: 4, TimeSpan.FromMilliseconds(50)));

        await Assert.ThrowsAsync<ObjectStoreException>(() => retry.RunAsync<int>("events_000001.parquet",
            _ => throw new AmazonS3Exception("no such bucket") { ErrorCode = "NoSuchBucket", StatusCode = HttpStatusCode.NotFound },
            CancellationToken.None));

        Assert.Empty(waits);
    }

    [Fact]
    public async Task RunAsync_should_log_each_doubled_wait_with_its_attempt()
    {
        var logger = new ListLogger();
        var (retry, _) = Retry(Options(maxAttempts: 4, TimeSpan.FromMilliseconds(300), logger));

        await Assert.ThrowsAsync<ObjectStoreException>(() => retry.RunAsync<int>("events_000001.parquet",
            _ => throw new IOException("reset by peer"), CancellationToken.None));

        Assert.Equal(
            ["attempt 1 of 4, retrying in 300 ms", "attempt 2 of 4, retrying in 600 ms", "attempt 3 of 4, retrying in 1200 ms"],
            logger.Lines.Select(l => l[l.IndexOf("attempt ", StringComparison.Ordinal)..]));
    }
}
