using ActorSim.Cli.Tests.Support;
using ActorSim.Egress.Tests.Support;
using Amazon.S3.Model;

namespace ActorSim.Cli.Tests;

/// <summary>Snapshots on a real S3 server (moto): written by a run, rebuilt from a log in a bucket, and read back to continue.</summary>
public class SnapshotS3Tests(MotoServerFixture moto) : IClassFixture<MotoServerFixture>
{
    [Fact]
    public async Task Snapshots_go_to_and_come_from_a_bucket_and_a_run_continues_from_them()
    {
        var environment = MotoAccess.Environment(moto);
        using var folder = new TempDirectory();

        var run = await ActorsimCommand.RunAsync(environment,
            "history", "--start", "2026-01-01T00:00:00", "--duration", "90 mins", "--format", "jsonl", "--dest", "s3://twin/log", "--progress", "none",
            "--snapshot-every", "30 mins", "--snapshot-out", "s3://twin/checkpoints");
        var rebuilt = await ActorsimCommand.RunAsync(environment, "snapshot", "--events", "s3://twin/log", "--at", "1 hour", "--out", "s3://twin/observed/at-1h.json");
        var continued = await ActorsimCommand.RunAsync(environment,
            "history", "--snapshot", "s3://twin/checkpoints/snapshot_2026-01-01T010000.000.json", "--duration", "30 mins", "--format", "jsonl", "--dest", folder.Sub("rest"), "--progress", "none");
        var fromObserved = await ActorsimCommand.RunAsync(environment,
            "history", "--snapshot", "s3://twin/observed/at-1h.json", "--duration", "10 mins", "--dest", folder.Sub("observed"), "--progress", "none");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.True(rebuilt.ExitCode == 0, rebuilt.Error);
        Assert.True(continued.ExitCode == 0, continued.Error);
        Assert.True(fromObserved.ExitCode == 0, fromObserved.Error);
        using var client = MotoAccess.Client(moto);
        var listing = await client.ListObjectsV2Async(new ListObjectsV2Request { BucketName = "twin", Prefix = "checkpoints/" });
        Assert.Equal(
            ["checkpoints/snapshot_2026-01-01T003000.000.json", "checkpoints/snapshot_2026-01-01T010000.000.json", "checkpoints/snapshot_2026-01-01T013000.000.json"],
            (listing.S3Objects ?? []).Select(o => o.Key).Order(StringComparer.Ordinal));

        // The log's records from 1 h on are those the run continued from its checkpoint wrote.
        var log = new List<string>();
        var chunks = await client.ListObjectsV2Async(new ListObjectsV2Request { BucketName = "twin", Prefix = "log/events_" });
        foreach (var key in (chunks.S3Objects ?? []).Select(o => o.Key).Order(StringComparer.Ordinal))
        {
            using var response = await client.GetObjectAsync("twin", key);
            using var reader = new StreamReader(response.ResponseStream);
            log.AddRange((await reader.ReadToEndAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries));
        }

        var expected = log.Where(l => System.Text.Json.Nodes.JsonNode.Parse(l)!["sim_ts"]!.GetValue<double>() >= 3600).ToArray();
        var actual = Directory.GetFiles(folder.Sub("rest"), "events_*.jsonl").Order(StringComparer.Ordinal).SelectMany(File.ReadAllLines).ToArray();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, actual);
        Assert.DoesNotContain("password", run.Output + run.Error + rebuilt.Output + rebuilt.Error, StringComparison.Ordinal);
    }
}
