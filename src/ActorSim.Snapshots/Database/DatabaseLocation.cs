using ActorSim.Snapshots.Database.Internal;
using Npgsql;

namespace ActorSim.Snapshots.Database;

/// <summary>
/// A PostgreSQL database to read a state from, parsed from a URI (<c>postgresql://user:password@host:port/db?sslmode=require</c>,
/// also <c>postgres://</c>) or a key=value string (Npgsql's <c>Host=…;Username=…</c> or libpq's <c>host=… dbname=…</c>).
/// <see cref="Display"/> and every message name it without the password.
/// </summary>
public sealed class DatabaseLocation
{
    private readonly NpgsqlConnectionStringBuilder _settings;

    private DatabaseLocation(NpgsqlConnectionStringBuilder settings)
    {
        _settings = settings;
        Display = ConnectionText.Display(settings);
    }

    /// <summary>The database as <c>postgresql://user@host:port/db</c>, without the password.</summary>
    public string Display { get; }

    /// <summary>The server's host (or socket folder) and port, for messages.</summary>
    public string Server => $"{_settings.Host}:{_settings.Port}";

    /// <summary>The Npgsql connection string (with the password, if any): never print it.</summary>
    internal string ConnectionString => _settings.ConnectionString;

    /// <summary>The password given, if any, to keep it out of messages.</summary>
    internal string? Password => _settings.Password;

    /// <summary>True when <paramref name="text"/> is a <c>postgresql://</c> or <c>postgres://</c> URI.</summary>
    public static bool IsUri(string? text) =>
        text is not null && (text.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase) || text.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase));

    /// <summary>Parses a URI or key=value string.</summary>
    /// <exception cref="ArgumentException">The text is malformed; the message names the part, never the password.</exception>
    public static DatabaseLocation Parse(string text)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        return new DatabaseLocation(ConnectionText.Parse(text));
    }

    /// <summary><paramref name="message"/> with the password, if it appears, replaced by <c>***</c>.</summary>
    internal string Scrub(string message) => ConnectionText.Scrub(message, _settings.Password);

    /// <inheritdoc />
    public override string ToString() => Display;
}
