using System.Globalization;
using System.Text;
using Npgsql;

namespace ActorSim.Snapshots.Database.Internal;

/// <summary>
/// Turns a <c>postgresql://</c> URI or a key=value string into Npgsql settings, mapping libpq's names (<c>dbname</c>,
/// <c>user</c>, <c>sslmode</c>, <c>connect_timeout</c>, …) onto Npgsql's; no message quotes a password.
/// </summary>
internal static class ConnectionText
{
    private const string AppName = "actorsim";

    public static NpgsqlConnectionStringBuilder Parse(string text)
    {
        var settings = DatabaseLocation.IsUri(text) ? FromUri(text.Trim()) : FromKeyValues(text.Trim());
        if (string.IsNullOrEmpty(settings.Host))
        {
            settings.Host = "localhost";
        }

        settings.ApplicationName ??= AppName;
        // One read per command: no pooled connection outlives it.
        settings.Pooling = false;
        return settings;
    }

    /// <summary>The database as <c>postgresql://user@host:port/db</c>, never with the password.</summary>
    public static string Display(NpgsqlConnectionStringBuilder settings)
    {
        var user = string.IsNullOrEmpty(settings.Username) ? string.Empty : Uri.EscapeDataString(settings.Username) + "@";
        var host = settings.Host ?? "localhost";
        host = host.Contains(':', StringComparison.Ordinal) && !host.Contains(',', StringComparison.Ordinal) && !host.StartsWith('/') ? $"[{host}]" : host;
        return string.Create(CultureInfo.InvariantCulture, $"postgresql://{user}{host}:{settings.Port}/{settings.Database ?? settings.Username ?? string.Empty}");
    }

    public static string Scrub(string message, string? password)
    {
        if (string.IsNullOrEmpty(password))
        {
            return message;
        }

        return message.Replace(password, "***", StringComparison.Ordinal).Replace(Uri.EscapeDataString(password), "***", StringComparison.Ordinal);
    }

    /// <summary><c>postgresql://[user[:password]@][host][:port][/dbname][?key=value&amp;…]</c>, percent-encoded.</summary>
    private static NpgsqlConnectionStringBuilder FromUri(string text)
    {
        var settings = new NpgsqlConnectionStringBuilder();
        var rest = text[(text.IndexOf("://", StringComparison.Ordinal) + 3)..];
        var question = rest.IndexOf('?', StringComparison.Ordinal);
        var query = question >= 0 ? rest[(question + 1)..] : string.Empty;
        rest = question >= 0 ? rest[..question] : rest;
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        var database = slash >= 0 ? Decode(rest[(slash + 1)..], "database") : string.Empty;
        var authority = slash >= 0 ? rest[..slash] : rest;
        var at = authority.LastIndexOf('@');
        if (at >= 0)
        {
            var userInfo = authority[..at];
            var colon = userInfo.IndexOf(':', StringComparison.Ordinal);
            settings.Username = NullIfEmpty(Decode(colon >= 0 ? userInfo[..colon] : userInfo, "user"));
            if (colon >= 0)
            {
                settings.Password = Decode(userInfo[(colon + 1)..], "password");
            }

            authority = authority[(at + 1)..];
        }

        HostAndPort(settings, authority);
        settings.Database = NullIfEmpty(database);
        foreach (var pair in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw new ArgumentException($"The database URI's parameter '{Shown(pair)}' is not key=value.");
            }

            var key = Decode(pair[..equals], "a parameter's name");
            Set(settings, key, Decode(pair[(equals + 1)..], $"parameter '{key}'"));
        }

        return settings;
    }

    private static void HostAndPort(NpgsqlConnectionStringBuilder settings, string authority)
    {
        if (authority.Length == 0)
        {
            return;
        }

        if (authority.Contains(',', StringComparison.Ordinal))
        {
            // Several hosts, each with its own port: Npgsql reads "h1:p1,h2:p2" itself.
            settings.Host = Decode(authority, "host");
            return;
        }

        string host;
        string? port = null;
        if (authority.StartsWith('['))
        {
            var close = authority.IndexOf(']', StringComparison.Ordinal);
            if (close < 0)
            {
                throw new ArgumentException($"The database URI's host '{authority}' opens '[' without closing it.");
            }

            host = authority[1..close];
            port = authority.Length > close + 1 && authority[close + 1] == ':' ? authority[(close + 2)..] : null;
        }
        else
        {
            var colon = authority.LastIndexOf(':');
            host = colon >= 0 ? authority[..colon] : authority;
            port = colon >= 0 ? authority[(colon + 1)..] : null;
        }

        settings.Host = NullIfEmpty(Decode(host, "host"));
        if (port is { Length: > 0 })
        {
            settings.Port = Port(port);
        }
    }

    /// <summary>Npgsql's <c>Key=Value;…</c>, or libpq's <c>key=value key='a value' …</c> when no ';' is given.</summary>
    private static NpgsqlConnectionStringBuilder FromKeyValues(string text)
    {
        if (!text.Contains('=', StringComparison.Ordinal))
        {
            throw new ArgumentException(
                "The database is neither a postgresql:// URI nor key=value settings; give e.g. postgresql://user:password@host:5432/plant or \"Host=host;Port=5432;Database=plant;Username=user\".");
        }

        var settings = new NpgsqlConnectionStringBuilder();
        if (text.Contains(';', StringComparison.Ordinal))
        {
            foreach (var (key, value) in NpgsqlPairs(text))
            {
                Set(settings, key, value);
            }

            return settings;
        }

        foreach (var (key, value) in LibpqPairs(text))
        {
            Set(settings, key, value);
        }

        return settings;
    }

    private static IEnumerable<(string Key, string Value)> NpgsqlPairs(string text)
    {
        NpgsqlConnectionStringBuilder parsed;
        try
        {
            parsed = new NpgsqlConnectionStringBuilder(text);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidCastException)
        {
            throw new ArgumentException($"The database settings cannot be read: {Scrub(e.Message, PasswordIn(text))}");
        }

        foreach (var key in parsed.Keys)
        {
            yield return (key, Convert.ToString(parsed[key], CultureInfo.InvariantCulture) ?? string.Empty);
        }
    }

    private static IEnumerable<(string Key, string Value)> LibpqPairs(string text)
    {
        var i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            if (i == text.Length)
            {
                yield break;
            }

            var equals = text.IndexOf('=', i);
            if (equals < 0 || text[i..equals].Any(char.IsWhiteSpace))
            {
                var word = text[i..].Split(' ', 2)[0];
                throw new ArgumentException($"The database settings' '{Shown(word)}' is not key=value.");
            }

            var key = text[i..equals];
            i = equals + 1;
            var value = new StringBuilder();
            if (i < text.Length && text[i] == '\'')
            {
                for (i++; i < text.Length && text[i] != '\''; i++)
                {
                    if (text[i] == '\\' && i + 1 < text.Length)
                    {
                        i++;
                    }

                    value.Append(text[i]);
                }

                if (i == text.Length)
                {
                    throw new ArgumentException($"The database setting '{key}' opens a quote without closing it.");
                }

                i++;
            }
            else
            {
                for (; i < text.Length && !char.IsWhiteSpace(text[i]); i++)
                {
                    value.Append(text[i]);
                }
            }

            yield return (key, value.ToString());
        }
    }

    /// <summary>Sets a libpq or Npgsql setting; an unknown name or a bad value is refused naming the setting.</summary>
    private static void Set(NpgsqlConnectionStringBuilder settings, string key, string value)
    {
        switch (key.ToLowerInvariant())
        {
            case "host" or "hostaddr":
                settings.Host = value;
                return;
            case "port":
                settings.Port = Port(value);
                return;
            case "dbname" or "database":
                settings.Database = value;
                return;
            case "user" or "username":
                settings.Username = value;
                return;
            case "password":
                settings.Password = value;
                return;
            case "sslmode":
                settings.SslMode = SslMode(value);
                return;
            case "connect_timeout":
                settings.Timeout = int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
                    ? seconds
                    : throw new ArgumentException($"The database setting connect_timeout '{value}' is not a whole number of seconds.");
                return;
            case "application_name":
                settings.ApplicationName = value;
                return;
            case "options":
                settings.Options = value;
                return;
            case "target_session_attrs":
                settings["Target Session Attributes"] = value;
                return;
            case "sslrootcert":
                settings.RootCertificate = value;
                return;
            case "sslcert":
                settings.SslCertificate = value;
                return;
            case "sslkey":
                settings.SslKey = value;
                return;
        }

        try
        {
            settings[key] = value;
        }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidCastException or OverflowException)
        {
            throw new ArgumentException($"The database setting '{key}' is not accepted: {Scrub(e.Message, value)}");
        }
    }

    private static SslMode SslMode(string value) => value.ToLowerInvariant() switch
    {
        "disable" => Npgsql.SslMode.Disable,
        "allow" => Npgsql.SslMode.Allow,
        "prefer" => Npgsql.SslMode.Prefer,
        "require" => Npgsql.SslMode.Require,
        "verify-ca" or "verifyca" => Npgsql.SslMode.VerifyCA,
        "verify-full" or "verifyfull" => Npgsql.SslMode.VerifyFull,
        _ => throw new ArgumentException($"The database setting sslmode '{value}' is not one of disable, allow, prefer, require, verify-ca, verify-full."),
    };

    private static int Port(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and <= 65535
            ? port
            : throw new ArgumentException($"The database port '{text}' is not a port number (1 to 65535).");

    private static string Decode(string text, string what)
    {
        try
        {
            return Uri.UnescapeDataString(text);
        }
        catch (UriFormatException)
        {
            throw new ArgumentException($"The database URI's {what} is not percent-encoded properly.");
        }
    }

    /// <summary>A part of the text shown in an error, unless it could be a password.</summary>
    private static string Shown(string part) => part.Contains("password", StringComparison.OrdinalIgnoreCase) ? "password=***" : part;

    private static string? PasswordIn(string text)
    {
        foreach (var pair in text.Split(';'))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0 && pair[..equals].Trim().ToLowerInvariant() is "password" or "psw" or "pwd")
            {
                return pair[(equals + 1)..].Trim();
            }
        }

        return null;
    }

    private static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;
}
