using System.Collections;
using ActorSim.Cli.Tests.Support;
using ActorSim.Egress.Tests.Support;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;

namespace ActorSim.Cli.Tests;

/// <summary>S3 settings the CLI refuses before the run (exit 2), and bucket creation against a server that is still starting.</summary>
public class HistoryS3ValidationTests(MotoServerFixture moto) : IClassFixture<MotoServerFixture>
{
    [Theory]
    [InlineData("127.0.0.1:notaport")]
    [InlineData("127.0.0.1:99999")]
    [InlineData("http://")]
    [InlineData("not a host")]
    [InlineData("[::1")]
    [InlineData("ftp://127.0.0.1:9000")]
    [InlineData("http://127.0.0.1:9000/some/path")]
    public async Task Malformed_S3_ENDPOINT_should_be_refused_with_exit_2_naming_the_variable_and_the_form(string endpoint)
    {
        var environment = new Hashtable { ["USE_S3"] = "true", ["S3_ENDPOINT"] = endpoint };

        var (code, output, error) = await ActorsimCommand.RunAsync(environment, "history", "--duration", "10 mins", "--progress", "none");

        Assert.True(code == 2, $"exit {code}: {error}");
        Assert.StartsWith("actorsim: S3_ENDPOINT ", error, StringComparison.Ordinal);
        Assert.Contains("host:port or http(s)://host:port", error, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ActorSim", error, StringComparison.Ordinal);
        Assert.Empty(output);
    }

    [Fact]
    public async Task Credentials_in_S3_ENDPOINT_should_be_refused_without_printing_the_secret()
    {
        const string secret = "sEcReT-in-the-url-42";
        var environment = new Hashtable
        {
            ["USE_S3"] = "true",
            ["S3_ENDPOINT"] = $"http://AKIAUSERINFO:{secret}@{moto.Endpoint["http://".Length..]}",
        };

        var (code, output, error) = await ActorsimCommand.RunAsync(environment, "history", "--duration", "10 mins", "--start", "2026-01-01T00:00:00", "--progress", "none");

        Assert.True(code == 2, $"exit {code}: {error}");
        Assert.Contains("S3_ENDPOINT", error, StringComparison.Ordinal);
        Assert.Contains("S3_ACCESS_KEY", error, StringComparison.Ordinal);
        Assert.Contains("S3_SECRET_KEY", error, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, output + error, StringComparison.Ordinal);
        Assert.DoesNotContain("AKIAUSERINFO", output + error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("s3://Bad_Bucket!/x", "lowercase letters, digits, '.' and '-'")]
    [InlineData("s3://ab/x", "3 to 63 characters")]
    [InlineData("s3://a-bucket-name-that-is-much-too-long-to-be-accepted-by-s3-at-all-64/x", "3 to 63 characters")]
    [InlineData("s3://-bucket/x", "begin and end with a letter or digit")]
    [InlineData("s3://bucket-/x", "begin and end with a letter or digit")]
    [InlineData("s3://my..bucket/x", "two periods in a row")]
    [InlineData("s3://192.168.5.4/x", "IP address")]
    [InlineData("s3://xn--bucket/x", "'xn--'")]
    public async Task Bucket_name_against_S3_rules_should_be_refused_with_exit_2_naming_bucket_and_rule(string destination, string rule)
    {
        var (code, output, error) = await ActorsimCommand.RunAsync(S3Environment(moto.Endpoint), "history", "--dest", destination, "--duration", "10 mins", "--progress", "none");

        Assert.True(code == 2, $"exit {code}: {error}");
        var bucket = destination["s3://".Length..destination.IndexOf('/', "s3://".Length)];
        Assert.Contains($"'{bucket}'", error, StringComparison.Ordinal);
        Assert.Contains(rule, error, StringComparison.Ordinal);
        Assert.Empty(output);
    }

    [Fact]
    public async Task Plant_into_a_bucket_name_against_S3_rules_should_be_refused_before_the_run()
    {
        var plant = Path.Combine(Repository.Root, "examples", "two-stage-plant.yaml");

        var (code, output, error) = await ActorsimCommand.RunAsync(S3Environment(moto.Endpoint), "history", "--model", plant, "--dest", "s3://Bad_Bucket!/x", "--progress", "none");

        Assert.True(code == 2, $"exit {code}: {error}");
        Assert.StartsWith("actorsim: Destination 's3://Bad_Bucket!/x': the bucket name 'Bad_Bucket!'", error, StringComparison.Ordinal);
        Assert.Empty(output);
    }

    [Theory]
    [InlineData("s3://bucket/a//c")]
    [InlineData("s3://bucket/../x")]
    [InlineData("s3://bucket/a/./c")]
    [InlineData("s3://bucket//x")]
    public async Task Prefix_with_empty_or_dot_segments_should_be_refused_with_exit_2(string destination)
    {
        var (code, _, error) = await ActorsimCommand.RunAsync(S3Environment(moto.Endpoint), "history", "--dest", destination, "--duration", "10 mins", "--progress", "none");

        Assert.True(code == 2, $"exit {code}: {error}");
        Assert.Contains(destination, error, StringComparison.Ordinal);
        Assert.Contains("no empty, '.' or '..' segments", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bucket_creation_should_be_retried_while_the_server_is_still_starting()
    {
        using var proxy = new StartingServerProxy(new Uri(moto.Endpoint).Port, refuse: 1);

        var (code, _, error) = await ActorsimCommand.RunAsync(S3Environment($"127.0.0.1:{proxy.Port}"),
            "history", "--dest", "s3://starting-server/runs", "--duration", "10 mins", "--start", "2026-01-01T00:00:00", "--format", "jsonl", "--progress", "none");

        Assert.True(code == 0, $"exit {code}: {error}");
        Assert.Equal(1, proxy.Refused);
        using var client = new AmazonS3Client(new BasicAWSCredentials("user", "password"),
            new AmazonS3Config { ServiceURL = moto.Endpoint, ForcePathStyle = true, AuthenticationRegion = "us-east-1" });
        var listing = await client.ListObjectsV2Async(new ListObjectsV2Request { BucketName = "starting-server", Prefix = "runs/" });
        Assert.Contains("runs/events_000001.jsonl", (listing.S3Objects ?? []).Select(o => o.Key));
    }

    private static Hashtable S3Environment(string endpoint) => new()
    {
        ["USE_S3"] = "true",
        ["S3_ENDPOINT"] = endpoint.Replace("http://", string.Empty, StringComparison.Ordinal),
        ["S3_ACCESS_KEY"] = "user",
        ["S3_SECRET_KEY"] = "password",
    };
}
