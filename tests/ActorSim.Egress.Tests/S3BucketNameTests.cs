using ActorSim.Egress.Storage;

namespace ActorSim.Egress.Tests;

public class S3BucketNameTests
{
    [Theory]
    [InlineData("abc")]
    [InlineData("des-dev")]
    [InlineData("my.bucket-2026")]
    [InlineData("0123456789")]
    [InlineData("a23456789012345678901234567890123456789012345678901234567890123")]
    public void Valid_bucket_names_should_parse(string bucket)
    {
        Assert.Equal(bucket, ObjectStoreLocation.Parse($"s3://{bucket}/runs").Bucket);
    }

    [Theory]
    [InlineData("Bad_Bucket!", "lowercase letters, digits, '.' and '-'")]
    [InlineData("UPPER", "lowercase letters, digits, '.' and '-'")]
    [InlineData("under_score", "lowercase letters, digits, '.' and '-'")]
    [InlineData("ab", "3 to 63 characters")]
    [InlineData("a234567890123456789012345678901234567890123456789012345678901234", "3 to 63 characters")]
    [InlineData("-abc", "begin and end with a letter or digit")]
    [InlineData("abc.", "begin and end with a letter or digit")]
    [InlineData("a..b", "two periods in a row")]
    [InlineData("10.0.0.1", "IP address")]
    [InlineData("xn--abc", "'xn--'")]
    [InlineData("sthree-abc", "'sthree-'")]
    [InlineData("abc-s3alias", "'-s3alias'")]
    [InlineData("abc--ol-s3", "'--ol-s3'")]
    public void Bucket_names_against_S3_rules_should_be_refused_naming_the_rule(string bucket, string rule)
    {
        var error = Assert.Throws<ArgumentException>(() => ObjectStoreLocation.Parse($"s3://{bucket}/runs"));

        Assert.Contains($"'{bucket}'", error.Message, StringComparison.Ordinal);
        Assert.Contains(rule, error.Message, StringComparison.Ordinal);
        Assert.Null(error.ParamName);
    }

    [Theory]
    [InlineData("s3://bucket/a//c")]
    [InlineData("s3://bucket/../x")]
    [InlineData("s3://bucket/a/..")]
    [InlineData("s3://bucket/./x")]
    [InlineData("s3://bucket//x")]
    [InlineData("s3://bucket/a\\b")]
    public void Prefixes_with_empty_or_dot_segments_should_be_refused(string destination)
    {
        var error = Assert.Throws<ArgumentException>(() => ObjectStoreLocation.Parse(destination));

        Assert.Contains(destination, error.Message, StringComparison.Ordinal);
        Assert.Contains("no empty, '.' or '..' segments", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("s3://bucket", "")]
    [InlineData("s3://bucket/", "")]
    [InlineData("s3://bucket/a/b/", "a/b")]
    [InlineData("s3://bucket/a.b/c..d", "a.b/c..d")]
    public void Prefixes_should_keep_their_segments_and_drop_one_trailing_slash(string destination, string prefix)
    {
        Assert.Equal(prefix, ObjectStoreLocation.Parse(destination).Prefix);
    }
}
