using System.Globalization;

namespace ActorSim.Egress.Storage;

/// <summary>
/// Checks an S3 endpoint override (<c>host[:port]</c> or <c>http(s)://host[:port]</c>) and writes it without user-info,
/// so neither a malformed value nor a secret in a URL ever reaches the SDK, a log line or a message.
/// </summary>
internal static class S3Endpoint
{
    /// <summary>The forms an endpoint may take, as messages state them.</summary>
    public const string ExpectedForm = "host:port or http(s)://host:port, e.g. 127.0.0.1:9000 or https://s3.eu-west-1.amazonaws.com";

    /// <summary>What is wrong with <paramref name="endpoint"/>, or null when it is usable.</summary>
    public static string? Problem(string endpoint)
    {
        var schemeEnd = endpoint.IndexOf("://", StringComparison.Ordinal);
        var scheme = schemeEnd < 0 ? "http" : endpoint[..schemeEnd];
        var rest = schemeEnd < 0 ? endpoint : endpoint[(schemeEnd + 3)..];
        var authorityEnd = rest.IndexOfAny(['/', '?', '#']);
        var authority = authorityEnd < 0 ? rest : rest[..authorityEnd];
        var tail = authorityEnd < 0 ? string.Empty : rest[authorityEnd..];
        if (authority.Contains('@', StringComparison.Ordinal))
        {
            return "holds credentials before '@'; an endpoint never carries them: set the access key in S3_ACCESS_KEY and the secret in S3_SECRET_KEY";
        }

        if (!scheme.Equals("http", StringComparison.OrdinalIgnoreCase) && !scheme.Equals("https", StringComparison.OrdinalIgnoreCase))
        {
            return $"uses the scheme '{scheme}'; use http:// or https://";
        }

        if (authority.Length == 0)
        {
            return "names no host";
        }

        if (tail is not ("" or "/"))
        {
            return $"has a path, query or fragment ('{tail}'); give only the host and port (the bucket comes from the destination)";
        }

        string host;
        string? port = null;
        if (authority.StartsWith('['))
        {
            var close = authority.IndexOf(']', StringComparison.Ordinal);
            if (close < 0)
            {
                return "opens an IPv6 address with '[' but does not close it with ']'";
            }

            host = authority[1..close];
            var after = authority[(close + 1)..];
            if (after.Length > 0 && after[0] != ':')
            {
                return $"has '{after}' after the IPv6 address; only ':port' may follow it";
            }

            port = after.Length > 0 ? after[1..] : null;
            if (Uri.CheckHostName(host) != UriHostNameType.IPv6)
            {
                return $"has '{host}' in brackets, which is not an IPv6 address";
            }
        }
        else
        {
            var colon = authority.IndexOf(':', StringComparison.Ordinal);
            if (colon >= 0 && authority.IndexOf(':', colon + 1) >= 0)
            {
                return "has more than one ':'; an IPv6 address goes in brackets, e.g. [::1]:9000";
            }

            host = colon < 0 ? authority : authority[..colon];
            port = colon < 0 ? null : authority[(colon + 1)..];
            if (Uri.CheckHostName(host) is UriHostNameType.Unknown or UriHostNameType.IPv6)
            {
                return $"has the host '{host}', which is neither a host name nor an IP address";
            }
        }

        if (port is not null && !(int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number is >= 1 and <= 65535))
        {
            return $"has the port '{port}', which is not a number from 1 to 65535";
        }

        return Uri.TryCreate(schemeEnd < 0 ? "http://" + endpoint : endpoint, UriKind.Absolute, out _) ? null : "is not a URL";
    }

    /// <summary><paramref name="endpoint"/> with any user-info (<c>user:secret@</c>) replaced by <c>***@</c>.</summary>
    public static string Redact(string endpoint)
    {
        var schemeEnd = endpoint.IndexOf("://", StringComparison.Ordinal);
        var start = schemeEnd < 0 ? 0 : schemeEnd + 3;
        var authorityEnd = endpoint.IndexOfAny(['/', '?', '#'], start);
        var authority = endpoint.AsSpan(start, (authorityEnd < 0 ? endpoint.Length : authorityEnd) - start);
        var at = authority.LastIndexOf('@');
        return at < 0 ? endpoint : string.Concat(endpoint.AsSpan(0, start), "***", endpoint.AsSpan(start + at));
    }
}
