using System.Collections;
using ActorSim.Egress.Tests.Support;
using Amazon.Runtime;
using Amazon.S3;

namespace ActorSim.Cli.Tests.Support;

/// <summary>How a CLI test reaches the moto server: the environment <c>actorsim</c> reads, and a client to look into the buckets.</summary>
internal static class MotoAccess
{
    /// <summary>S3_ENDPOINT (host:port), S3_ACCESS_KEY and S3_SECRET_KEY for <paramref name="moto"/>.</summary>
    public static Hashtable Environment(MotoServerFixture moto) => new()
    {
        ["S3_ENDPOINT"] = moto.Endpoint.Replace("http://", string.Empty, StringComparison.Ordinal),
        ["S3_ACCESS_KEY"] = "user",
        ["S3_SECRET_KEY"] = "password",
    };

    /// <summary>An S3 client of <paramref name="moto"/> with the same credentials, path-style.</summary>
    public static AmazonS3Client Client(MotoServerFixture moto) =>
        new(new BasicAWSCredentials("user", "password"), new AmazonS3Config { ServiceURL = moto.Endpoint, ForcePathStyle = true, AuthenticationRegion = "us-east-1" });
}
