using ActorSim.Egress.Storage;

namespace ActorSim.Egress.Tests;

public class S3EndpointTests
{
    [Theory]
    [InlineData("127.0.0.1:notaport", "port 'notaport'")]
    [InlineData("127.0.0.1:99999", "port '99999'")]
    [InlineData("127.0.0.1:", "port ''")]
    [InlineData("http://", "no host")]
    [InlineData("not a host", "host 'not a host'")]
    [InlineData("[::1", "']'")]
    [InlineData("::1", "brackets")]
    [InlineData("ftp://127.0.0.1:9000", "scheme 'ftp'")]
    [InlineData("http://127.0.0.1:9000/bucket", "path")]
    [InlineData("http://127.0.0.1:9000?x=1", "path")]
    public void Malformed_endpoints_should_be_refused_naming_the_problem_and_the_form(string endpoint, string problem)
    {
        var error = Assert.Throws<ArgumentException>(() => new S3StoreOptions { Bucket = "b", Endpoint = endpoint }.Validate());

        Assert.StartsWith("S3_ENDPOINT ", error.Message, StringComparison.Ordinal);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
        Assert.Contains("host:port or http(s)://host:port", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("127.0.0.1:9000")]
    [InlineData("localhost:8333")]
    [InlineData("minio")]
    [InlineData("http://127.0.0.1:9000")]
    [InlineData("http://127.0.0.1:9000/")]
    [InlineData("HTTPS://s3.eu-west-1.amazonaws.com")]
    [InlineData("[::1]:9000")]
    [InlineData("http://[::1]:9000")]
    public void Well_formed_endpoints_should_pass(string? endpoint)
    {
        new S3StoreOptions { Bucket = "b", Endpoint = endpoint }.Validate();
    }

    [Theory]
    [InlineData("http://AKIAUSER:s3cr3t-value@127.0.0.1:9000")]
    [InlineData("AKIAUSER:s3cr3t-value@127.0.0.1:9000")]
    [InlineData("https://AKIAUSER:s3cr3t-value@s3.example.com/")]
    [InlineData("http://AKIAUSER:s3cr3t-value@")]
    [InlineData("http://AKIAUSER:s3cr3t-value@not a host:x")]
    public void Credentials_in_the_endpoint_should_be_refused_without_repeating_them(string endpoint)
    {
        var options = new S3StoreOptions { Bucket = "b", Endpoint = endpoint };

        var error = Assert.Throws<ArgumentException>(options.Validate);
        var construction = Assert.Throws<ArgumentException>(() => new S3ObjectStore(options));

        Assert.Contains("S3_ACCESS_KEY", error.Message, StringComparison.Ordinal);
        Assert.Equal(error.Message, construction.Message);
        foreach (var text in new[] { error.ToString(), construction.ToString(), options.ToString() })
        {
            Assert.DoesNotContain("s3cr3t-value", text, StringComparison.Ordinal);
            Assert.DoesNotContain("AKIAUSER", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Options_text_should_name_bucket_prefix_and_endpoint()
    {
        Assert.Equal("s3://b/p at http://127.0.0.1:9000", new S3StoreOptions { Bucket = "b", Prefix = "p", Endpoint = "127.0.0.1:9000" }.ToString());
        Assert.Equal("s3://b/ at AWS eu-west-1", new S3StoreOptions { Bucket = "b", Region = "eu-west-1" }.ToString());
    }
}
