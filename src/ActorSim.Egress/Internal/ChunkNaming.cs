namespace ActorSim.Egress.Internal;

/// <summary>Validates destination paths and names their chunk files deterministically: <c>a/events.parquet</c> → <c>a/events_000001.parquet</c>.</summary>
internal static class ChunkNaming
{
    /// <summary>Throws unless <paramref name="destination"/> is a relative path with no empty, <c>.</c> or <c>..</c> segment.</summary>
    public static void Validate(string? destination, string parameter)
    {
        if (string.IsNullOrWhiteSpace(destination))
        {
            throw new ArgumentException("A destination path must not be empty; use e.g. 'events.parquet'.", parameter);
        }

        if (destination.StartsWith('/') || destination.Contains('\\', StringComparison.Ordinal) || Path.IsPathRooted(destination) ||
            destination.Split('/').Any(s => s.Length == 0 || s == "." || s == ".."))
        {
            throw new ArgumentException(
                $"Destination '{destination}' must be a relative path with '/' separators and no empty, '.' or '..' segments, e.g. 'date=2026-01-01/events.parquet'.",
                parameter);
        }
    }

    /// <summary>The name of chunk <paramref name="index"/> (1-based) of <paramref name="destination"/>.</summary>
    public static string ChunkPath(string destination, int index)
    {
        var slash = destination.LastIndexOf('/');
        var dot = destination.LastIndexOf('.');
        var number = index.ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
        return dot > slash + 1
            ? string.Concat(destination.AsSpan(0, dot), "_", number, destination.AsSpan(dot))
            : string.Concat(destination, "_", number);
    }

    /// <summary><paramref name="destination"/> with <paramref name="suffix"/> after its file stem: <c>a/events.parquet</c> → <c>a/events_X.parquet</c>.</summary>
    public static string WithStemSuffix(string destination, string suffix)
    {
        var slash = destination.LastIndexOf('/');
        var dot = destination.LastIndexOf('.');
        return dot > slash + 1
            ? string.Concat(destination.AsSpan(0, dot), suffix, destination.AsSpan(dot))
            : destination + suffix;
    }
}
