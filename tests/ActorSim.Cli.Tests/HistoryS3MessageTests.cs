using System.Collections;
using ActorSim.Cli.Tests.Support;
using ActorSim.Egress.Tests.Support;

namespace ActorSim.Cli.Tests;

/// <summary>S3 failures in the words of the command line (real moto server).</summary>
public class HistoryS3MessageTests(MotoServerFixture moto) : IClassFixture<MotoServerFixture>
{
    [Fact]
    public async Task A_missing_bucket_with_no_create_bucket_should_name_the_flag_not_the_csharp_option()
    {
        var environment = new Hashtable
        {
            ["USE_S3"] = "true",
            ["S3_ENDPOINT"] = moto.Endpoint.Replace("http://", string.Empty, StringComparison.Ordinal),
            ["DEST_PATH"] = $"missing-{Guid.NewGuid():N}/history",
        };

        var (code, _, error) = await ActorsimCommand.RunAsync(environment, "history", "--duration", "1 hour", "--no-create-bucket", "--progress", "none");

        Assert.Equal(1, code);
        Assert.Contains("NoSuchBucket", error, StringComparison.Ordinal);
        Assert.Contains("--no-create-bucket", error, StringComparison.Ordinal);
        Assert.DoesNotContain("set CreateBucketIfMissing", error, StringComparison.Ordinal);
    }
}
