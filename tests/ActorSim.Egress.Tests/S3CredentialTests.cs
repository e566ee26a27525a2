using ActorSim.Egress.Routing;
using ActorSim.Egress.Storage;
using ActorSim.Egress.Tests.Support;

namespace ActorSim.Egress.Tests;

public class S3CredentialTests(AuthenticatingMotoServerFixture moto) : IClassFixture<AuthenticatingMotoServerFixture>
{
    [Fact]
    public async Task Wrong_credentials_should_fail_clearly_without_the_secret()
    {
        const string secret = "very-secret-value-123";
        using var store = new S3ObjectStore(new S3StoreOptions
        {
            Bucket = "guarded",
            Endpoint = moto.Endpoint,
            AccessKey = "AKIAWRONGKEY",
            SecretKey = secret,
            InitialBackoff = TimeSpan.FromMilliseconds(10),
        });

        var error = await Assert.ThrowsAsync<EgressException>(() =>
            Pipelines.RunAsync(Records.Lifecycles(5), Pipelines.Sink(store, Routers.History(), ChunkFormat.Jsonl)));

        Assert.Contains("Access to bucket 'guarded'", error.Message, StringComparison.Ordinal);
        Assert.Contains("check the credentials", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, error.ToString(), StringComparison.Ordinal);
        Assert.Equal(15, error.RecordsNotWritten);
    }
}
