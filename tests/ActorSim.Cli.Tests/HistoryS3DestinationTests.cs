using System.Collections;
using ActorSim.Cli.Tests.Support;
using ActorSim.Egress.Tests.Support;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;

namespace ActorSim.Cli.Tests;

/// <summary>One run per S3 destination, as on local disk: refusal, overwrite (with a dead writer's unfinished uploads), the lock.</summary>
public class HistoryS3DestinationTests(MotoServerFixture moto) : IClassFixture<MotoServerFixture>
{
    private static readonly string[] From2026 = ["history", "--start", "2026-01-01T00:00:00", "--progress", "none", "--batch-size", "2000"];

    private Hashtable Environment() => new()
    {
        ["S3_ENDPOINT"] = moto.Endpoint,
        ["S3_ACCESS_KEY"] = "user",
        ["S3_SECRET_KEY"] = "password",
    };

    private AmazonS3Client Client() =>
        new(new BasicAWSCredentials("user", "password"), new AmazonS3Config { ServiceURL = moto.Endpoint, ForcePathStyle = true, AuthenticationRegion = "us-east-1" });

    private async Task<List<string>> KeysAsync(string bucket, string prefix)
    {
        using var client = Client();
        var listing = await client.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket, Prefix = prefix });
        return (listing.S3Objects ?? []).Select(o => o.Key).Order(StringComparer.Ordinal).ToList();
    }

    [Fact]
    public async Task A_rerun_into_a_used_prefix_should_be_refused_and_overwrite_should_leave_only_the_new_run()
    {
        var dest = "s3://dest-one/history";
        var (first, _, firstError) = await ActorsimCommand.RunAsync(Environment(), [.. From2026, "--duration", "4 hours", "--seed", "1", "--dest", dest]);
        Assert.True(first == 0, firstError);
        var before = await KeysAsync("dest-one", "history/");
        using (var client = Client())
        {
            // A writer killed in the middle of a large chunk leaves an unfinished multipart upload behind.
            await client.InitiateMultipartUploadAsync(new InitiateMultipartUploadRequest { BucketName = "dest-one", Key = "history/events_000999.parquet" });
        }

        var (refused, _, refusal) = await ActorsimCommand.RunAsync(Environment(), [.. From2026, "--duration", "1 hour", "--seed", "2", "--dest", dest]);
        Assert.Equal(2, refused);
        Assert.Contains($"Destination '{dest}' is not empty", refusal);
        Assert.Equal(before, await KeysAsync("dest-one", "history/"));

        var (code, _, error) = await ActorsimCommand.RunAsync(Environment(), [.. From2026, "--duration", "1 hour", "--seed", "2", "--dest", dest, "--overwrite"]);

        Assert.True(code == 0, error);
        var after = await KeysAsync("dest-one", "history/");
        Assert.Contains("history/_manifest.json", after);
        Assert.Contains("history/_SUCCESS", after);
        Assert.DoesNotContain("history/_actorsim.lock", after);
        Assert.True(after.Count < before.Count, $"{after.Count} objects after the overwrite, {before.Count} before");
        using (var client = Client())
        {
            var uploads = await client.ListMultipartUploadsAsync(new ListMultipartUploadsRequest { BucketName = "dest-one", Prefix = "history/" });
            Assert.Empty(uploads.MultipartUploads ?? []);
            using var manifest = await client.GetObjectAsync("dest-one", "history/_manifest.json");
            using var json = await System.Text.Json.JsonDocument.ParseAsync(manifest.ResponseStream);
            var run = Assert.Single(json.RootElement.GetProperty("runs").EnumerateArray());
            Assert.Equal(2UL, run.GetProperty("seed").GetUInt64());
            var listed = run.GetProperty("chunks").EnumerateArray().Select(c => "history/" + c.GetProperty("path").GetString()).ToList();
            Assert.Equal(after.Where(k => k.EndsWith(".parquet", StringComparison.Ordinal)), listed);
        }
    }

    [Fact]
    public async Task A_prefix_whose_lock_is_held_should_be_refused_naming_the_holder()
    {
        using (var client = Client())
        {
            await client.PutBucketAsync("dest-two");
            await client.PutObjectAsync(new PutObjectRequest
            {
                BucketName = "dest-two",
                Key = "history/_actorsim.lock",
                ContentBody = $$"""{"run_id":"other-run","host":"{{System.Environment.MachineName}}","pid":{{System.Environment.ProcessId}},"since":"2026-01-01T00:00:00Z"}""",
            });
        }

        var (code, _, error) = await ActorsimCommand.RunAsync(Environment(), [.. From2026, "--duration", "1 hour", "--dest", "s3://dest-two/history", "--overwrite"]);

        Assert.Equal(2, code);
        Assert.Contains("is in use by run other-run", error);
        Assert.Equal(["history/_actorsim.lock"], await KeysAsync("dest-two", "history/"));
    }
}
