using ActorSim.Egress.Routing;
using ActorSim.Egress.Storage;
using ActorSim.Egress.Tests.Support;

namespace ActorSim.Egress.Tests;

public class S3ObjectStoreTests(MotoServerFixture moto) : IClassFixture<MotoServerFixture>
{
    private S3StoreOptions Options(string bucket, string prefix = "history") => new()
    {
        Bucket = bucket,
        Prefix = prefix,
        Endpoint = moto.Endpoint,
        AccessKey = "test",
        SecretKey = "test-secret",
        CreateBucketIfMissing = true,
        InitialBackoff = TimeSpan.FromMilliseconds(10),
    };

    [Fact]
    public async Task Put_should_list_and_read_back_the_same_bytes()
    {
        using var store = new S3ObjectStore(Options("bytes"));
        var content = Enumerable.Range(0, 70_000).Select(i => (byte)(i * 31)).ToArray();

        await store.PutAsync("a/one.bin", content, default);
        await store.PutAsync("b.bin", new byte[] { 1, 2, 3 }, default);

        Assert.Equal(["a/one.bin", "b.bin"], await store.ListAsync("", default));
        Assert.Equal(["a/one.bin"], await store.ListAsync("a/", default));
        Assert.Equal(content, await store.ReadAsync("a/one.bin", default));
    }

    [Fact]
    public async Task Multipart_upload_should_round_trip_large_objects()
    {
        using var store = new S3ObjectStore(Options("multipart") with { MultipartThreshold = 6 << 20, PartSize = 5 << 20 });
        var content = new byte[(11 << 20) + 17];
        new Random(7).NextBytes(content);

        await store.PutAsync("big.bin", content, default);

        Assert.Equal(content, await store.ReadAsync("big.bin", default));
    }

    [Fact]
    public async Task Pipeline_to_S3_should_write_parquet_that_DuckDB_reads()
    {
        using var store = new S3ObjectStore(Options("pipeline", "runs/1"));
        using var temp = new TempDirectory();

        var report = await Pipelines.RunAsync(Records.Mixed(500), Pipelines.Sink(store, Routers.History(), ChunkFormat.Parquet, batchSize: 400, flushInterval: 0));

        var keys = await store.ListAsync("", default);
        Assert.Equal(["events_000001.parquet", "events_000002.parquet", "events_000003.parquet", "events_000004.parquet"], keys);
        Assert.Equal(report["test"].Bytes, (await Task.WhenAll(keys.Select(k => store.ReadAsync(k, default)))).Sum(b => (long)b.Length));
        foreach (var key in keys)
        {
            await File.WriteAllBytesAsync(temp.Sub(key), await store.ReadAsync(key, default));
        }

        var rows = DuckDb.Query($"SELECT status, count(*) FROM read_parquet('{temp.Path}/*.parquet') GROUP BY 1 ORDER BY 1");
        Assert.Equal([500L, 500L, 500L], rows.Select(r => r[1]));
    }

    [Fact]
    public async Task Missing_bucket_should_fail_the_run_with_bucket_and_count()
    {
        using var store = new S3ObjectStore(Options("no-such-bucket") with { CreateBucketIfMissing = false });

        var error = await Assert.ThrowsAsync<EgressException>(() =>
            Pipelines.RunAsync(Records.Lifecycles(10), Pipelines.Sink(store, Routers.History(), ChunkFormat.Jsonl) with { MaxStoresInFlight = 1 }));

        Assert.Contains("Bucket 'no-such-bucket' does not exist", error.Message, StringComparison.Ordinal);
        Assert.Contains(moto.Endpoint, error.Message, StringComparison.Ordinal);
        Assert.Equal(30, error.RecordsNotWritten);
        Assert.False(Assert.IsType<ObjectStoreException>(error.InnerException).IsTransient);
    }

    [Fact]
    public async Task Unreachable_endpoint_should_fail_after_retries_with_the_endpoint_named()
    {
        var closed = $"127.0.0.1:{MotoServerFixture.FreePort()}";
        var log = new ListLogger();
        using var store = new S3ObjectStore(Options("any") with { Endpoint = closed, CreateBucketIfMissing = false, MaxAttempts = 3, Logger = log });

        var error = await Assert.ThrowsAsync<EgressException>(() =>
            Pipelines.RunAsync(Records.Lifecycles(10), Pipelines.Sink(store, Routers.History(), ChunkFormat.Jsonl) with { MaxStoresInFlight = 1 }));

        Assert.Contains($"S3 endpoint http://{closed} (bucket 'any') failed after 3 attempts", error.Message, StringComparison.Ordinal);
        Assert.Equal(30, error.RecordsNotWritten);
        Assert.Equal(2, log.Lines.Count(l => l.StartsWith("Warning 3101", StringComparison.Ordinal) && l.Contains("bucket 'any'", StringComparison.Ordinal)));
        Assert.DoesNotContain(log.Lines, l => l.Contains("test-secret", StringComparison.Ordinal));
    }

    [Fact]
    public void Destination_strings_should_parse_to_folder_or_bucket_and_prefix()
    {
        var s3 = ObjectStoreLocation.Parse("s3://des-dev/history/");
        var local = ObjectStoreLocation.Parse("data");

        Assert.Equal(("des-dev", "history", true), (s3.Bucket, s3.Prefix, s3.IsS3));
        Assert.Equal(("data", false), (local.Directory, local.IsS3));
        Assert.IsType<LocalObjectStore>(local.CreateStore());
        Assert.Throws<ArgumentException>(() => ObjectStoreLocation.Parse("s3:///x"));
    }
}
