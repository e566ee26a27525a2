using System.Collections;
using ActorSim.Cli.Tests.Support;
using ActorSim.Egress.Tests.Support;
using Amazon.S3.Model;

namespace ActorSim.Cli.Tests;

/// <summary><c>actorsim forecast</c> with S3 on a real S3 server (moto): a snapshot read from a bucket, records kept in one, and a bucket that cannot be reached.</summary>
public class ForecastS3RecordsTests(MotoServerFixture moto) : IClassFixture<MotoServerFixture>
{
    [Fact]
    public async Task A_forecast_reads_its_snapshot_from_a_bucket_and_keeps_its_records_in_one()
    {
        var environment = MotoAccess.Environment(moto);
        using var folder = new TempDirectory();
        using var client = MotoAccess.Client(moto);
        await client.PutBucketAsync("forecasts");

        var (code, _, error) = await ActorsimCommand.RunAsync(environment,
            "forecast", "--horizon", "5 mins", "--replications", "2", "--out", folder.Sub("fc"), "--keep-records", "s3://forecasts/today");
        var snapshotted = await ActorsimCommand.RunAsync(environment,
            "history", "--engine", "reference", "--start", "2026-01-01T00:00:00", "--duration", "30 mins", "--dest", folder.Sub("log"), "--progress", "none",
            "--snapshot-at", "30 mins", "--snapshot-out", "s3://forecasts/state/at-30m.json");
        var fromBucket = await ActorsimCommand.RunAsync(environment,
            "forecast", "--snapshot", "s3://forecasts/state/at-30m.json", "--horizon", "5 mins", "--replications", "2", "--out", folder.Sub("from-bucket"));

        Assert.True(code == 0, error);
        Assert.True(snapshotted.ExitCode == 0, snapshotted.Error);
        Assert.True(fromBucket.ExitCode == 0, fromBucket.Error);
        Assert.Contains("from the exact snapshot at t=30m00.000s", fromBucket.Output);
        var keys = (await client.ListObjectsV2Async(new ListObjectsV2Request { BucketName = "forecasts", Prefix = "today/" })).S3Objects?.Select(o => o.Key).ToArray() ?? [];
        Assert.Contains("today/_manifest.json", keys);
        Assert.Contains("today/_SUCCESS", keys);
        Assert.Contains("today/replication=0/events_000001.parquet", keys);
        Assert.Contains("today/replication=1/events_000001.parquet", keys);
        Assert.DoesNotContain("today/_actorsim.lock", keys);
    }

    [Fact]
    public async Task A_bucket_that_cannot_be_reached_fails_the_forecast_naming_it_before_any_replication()
    {
        var environment = new Hashtable { ["S3_ENDPOINT"] = "127.0.0.1:1", ["S3_ACCESS_KEY"] = "user", ["S3_SECRET_KEY"] = "password" };
        using var folder = new TempDirectory();

        var (code, output, error) = await ActorsimCommand.RunAsync(environment,
            "forecast", "--horizon", "5 mins", "--replications", "2", "--out", folder.Sub("fc"), "--keep-records", "s3://forecasts/today");

        Assert.Equal(1, code);
        Assert.Contains("s3://forecasts/today", error);
        Assert.DoesNotContain("replications in", output);
        Assert.False(File.Exists(Path.Combine(folder.Sub("fc"), "summary.json")));
    }
}
