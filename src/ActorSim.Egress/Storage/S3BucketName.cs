using System.Net;

namespace ActorSim.Egress.Storage;

/// <summary>
/// S3's naming rules for general purpose buckets
/// (https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html), checked before anything is sent:
/// some S3-compatible servers accept names that AWS and others refuse.
/// </summary>
internal static class S3BucketName
{
    private static readonly string[] ReservedPrefixes = ["xn--", "sthree-", "amzn-s3-demo-"];

    private static readonly string[] ReservedSuffixes = ["-s3alias", "--ol-s3", ".mrap", "--x-s3", "--table-s3"];

    /// <summary>The rule <paramref name="bucket"/> breaks, or null when it follows them all.</summary>
    public static string? BrokenRule(string bucket)
    {
        if (bucket.Length is < 3 or > 63)
        {
            return $"a bucket name has 3 to 63 characters, this one {bucket.Length}";
        }

        var invalid = bucket.FirstOrDefault(c => c is not ((>= 'a' and <= 'z') or (>= '0' and <= '9') or '.' or '-'));
        if (invalid != default)
        {
            return $"a bucket name holds only lowercase letters, digits, '.' and '-', and '{invalid}' is none of them";
        }

        if (!char.IsAsciiLetterOrDigit(bucket[0]) || !char.IsAsciiLetterOrDigit(bucket[^1]))
        {
            return "a bucket name must begin and end with a letter or digit";
        }

        if (bucket.Contains("..", StringComparison.Ordinal))
        {
            return "a bucket name must not hold two periods in a row";
        }

        if (bucket.Count(c => c == '.') == 3 && IPAddress.TryParse(bucket, out _))
        {
            return "a bucket name must not be formatted as an IP address";
        }

        if (ReservedPrefixes.FirstOrDefault(p => bucket.StartsWith(p, StringComparison.Ordinal)) is { } prefix)
        {
            return $"a bucket name must not begin with '{prefix}' (reserved by AWS)";
        }

        return ReservedSuffixes.FirstOrDefault(s => bucket.EndsWith(s, StringComparison.Ordinal)) is { } suffix
            ? $"a bucket name must not end with '{suffix}' (reserved by AWS)"
            : null;
    }
}
