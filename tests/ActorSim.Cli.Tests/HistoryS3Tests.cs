using System.Collections;
using ActorSim.Cli.Tests.Support;
using ActorSim.Egress.Tests.Support;
using Amazon.S3.Model;

namespace ActorSim.Cli.Tests;

public class HistoryS3Tests(MotoServerFixture moto) : IClassFixture<MotoServerFixture>
{
    [Fact]
    public async Task Use_s3_environment_should_write_chunks_to_the_bucket_like_the_seed_example()
    {
        var environment = new Hashtable
        {
            ["USE_S3"] = "true",
            ["S3_ENDPOINT"] = moto.Endpoint.Replace("http://", string.Empty, StringComparison.Ordinal),
            ["S3_ACCESS_KEY"] = "user",
            ["S3_SECRET_KEY"] = "password",
            ["DEST_PATH"] = "des-dev/history",
        };

        var (code, output, error) = await ActorsimCommand.RunAsync(environment, "history", "--duration", "2 hours", "--start", "2026-01-01T00:00:00", "--batch-size", "4000", "--progress", "none");

        Assert.True(code == 0, error);
        using var client = MotoAccess.Client(moto);
        var listing = await client.ListObjectsV2Async(new ListObjectsV2Request { BucketName = "des-dev", Prefix = "history/" });
        var all = (listing.S3Objects ?? []).Select(o => o.Key).ToList();
        Assert.Contains("history/_manifest.json", all);
        Assert.Contains("history/_SUCCESS", all);
        Assert.DoesNotContain("history/_actorsim.lock", all);
        var keys = all.Where(k => k.EndsWith(".parquet", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
        Assert.Equal("history/events_000001.parquet", keys[0]);
        Assert.True(keys.Count >= 4);
        Assert.Contains("sink history: published", output);

        using var dir = new TempDirectory();
        foreach (var key in keys)
        {
            using var response = await client.GetObjectAsync("des-dev", key);
            await response.WriteResponseStreamToFileAsync(Path.Combine(dir.Path, Path.GetFileName(key)), append: false, CancellationToken.None);
        }

        var rows = DuckDb.Query($"SELECT count(*), count(DISTINCT key) FILTER (WHERE status = 'queued') FROM read_parquet('{dir.Path}/*.parquet')");
        Assert.InRange(Convert.ToInt64(rows[0][1]), 14_400 * 0.95, 14_400 * 1.05);
    }

    [Fact]
    public async Task An_unreachable_endpoint_should_fail_with_exit_1_before_the_run_starts()
    {
        var environment = new Hashtable
        {
            ["USE_S3"] = "true",
            ["S3_ENDPOINT"] = $"127.0.0.1:{MotoServerFixture.FreePort()}",
        };

        var (code, _, error) = await ActorsimCommand.RunAsync(environment, "history", "--duration", "10 mins", "--start", "2026-01-01T00:00:00", "--progress", "none");

        Assert.Equal(1, code);
        Assert.Contains("the history run failed before it started: cannot take destination 's3://dml-dev/history'", error);
        Assert.Contains("Connection refused", error);
        Assert.Contains("No record was produced", error);
        Assert.DoesNotContain("password", error);
    }
}
