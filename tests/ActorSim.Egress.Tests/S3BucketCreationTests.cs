using ActorSim.Egress.Storage;
using ActorSim.Egress.Tests.Support;

namespace ActorSim.Egress.Tests;

public class S3BucketCreationTests(MotoServerFixture moto) : IClassFixture<MotoServerFixture>
{
    private S3StoreOptions Options(string bucket, string endpoint, ListLogger log) => new()
    {
        Bucket = bucket,
        Prefix = "runs",
        Endpoint = endpoint,
        AccessKey = "test",
        SecretKey = "test-secret",
        CreateBucketIfMissing = true,
        InitialBackoff = TimeSpan.FromMilliseconds(10),
        Logger = log,
    };

    [Fact]
    public async Task Bucket_creation_should_be_retried_when_the_server_is_still_starting()
    {
        using var proxy = new StartingServerProxy(new Uri(moto.Endpoint).Port, refuse: 2);
        var log = new ListLogger();
        using var store = new S3ObjectStore(Options("created-on-retry", $"127.0.0.1:{proxy.Port}", log));

        await store.PutAsync("a.bin", new byte[] { 1, 2, 3 }, default);

        Assert.Equal(2, proxy.Refused);
        Assert.Equal([1, 2, 3], await store.ReadAsync("a.bin", default));
        Assert.Equal(2, log.Lines.Count(l => l.StartsWith("Warning 3102", StringComparison.Ordinal) && l.Contains("bucket 'created-on-retry'", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Bucket_creation_against_a_dead_endpoint_should_fail_after_every_attempt()
    {
        var closed = $"127.0.0.1:{MotoServerFixture.FreePort()}";
        var log = new ListLogger();
        using var store = new S3ObjectStore(Options("never", closed, log) with { MaxAttempts = 3 });

        var error = await Assert.ThrowsAsync<ObjectStoreException>(() => store.PutAsync("a.bin", new byte[] { 1 }, default));

        Assert.Contains($"S3 endpoint http://{closed} (bucket 'never') failed after 3 attempts", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, log.Lines.Count(l => l.StartsWith("Warning 3102", StringComparison.Ordinal)));
        Assert.True(error.IsTransient);
    }

    [Fact]
    public async Task One_attempt_should_be_reported_in_the_singular()
    {
        var closed = $"127.0.0.1:{MotoServerFixture.FreePort()}";
        using var store = new S3ObjectStore(Options("once", closed, new ListLogger()) with { MaxAttempts = 1, CreateBucketIfMissing = false });

        var error = await Assert.ThrowsAsync<ObjectStoreException>(() => store.PutAsync("a.bin", new byte[] { 1 }, default));

        Assert.Contains("failed after 1 attempt:", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("1 attempts", error.Message, StringComparison.Ordinal);
    }
}
