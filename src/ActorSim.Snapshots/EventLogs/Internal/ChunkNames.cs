using System.Globalization;
using System.Text.RegularExpressions;
using ActorSim.Egress;

namespace ActorSim.Snapshots.EventLogs.Internal;

/// <summary>What a path in a destination says: hidden or not, a chunk of which format, of which stream, in which date folder.</summary>
internal static partial class ChunkNames
{
    /// <summary>
    /// True for what readers of a folder skip (Spark's rule): a segment starting with <c>_</c> or <c>.</c> — the manifest,
    /// <c>_SUCCESS</c>, the lock, temporary files (<c>.events_000001.parquet.4242.tmp</c>) — and any <c>.tmp</c> file.
    /// </summary>
    public static bool IsHidden(string path) =>
        path.EndsWith(".tmp", StringComparison.OrdinalIgnoreCase) || path.Split('/').Any(s => s.StartsWith('_') || s.StartsWith('.'));

    /// <summary>The format a chunk's extension names; null for another extension or none.</summary>
    public static ChunkFormat? FormatOf(string path) =>
        path.EndsWith(".parquet", StringComparison.OrdinalIgnoreCase) ? ChunkFormat.Parquet
        : path.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase) ? ChunkFormat.Jsonl
        : null;

    /// <summary>Describes <paramref name="path"/> for reading.</summary>
    public static ChunkFile Describe(string path, string? runId)
    {
        var chunk = ChunkName().Match(path);
        var stream = chunk.Success ? chunk.Groups["stem"].Value + chunk.Groups["ext"].Value : null;
        int? day = null;
        foreach (Match m in DateFolder().Matches(path))
        {
            if (DateOnly.TryParseExact(m.Groups["date"].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                day = date.DayNumber;
            }
        }

        return new ChunkFile(path, runId, FormatOf(path), stream, day);
    }

    /// <summary>A chunk's name as ActorSim writes it: <c>[folders/]stem_NNNNNN[.ext]</c>.</summary>
    [GeneratedRegex(@"^(?<stem>(?:.*/)?[^/]+)_\d{6,}(?<ext>\.[^./]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex ChunkName();

    [GeneratedRegex(@"(?:^|/)date=(?<date>\d{4}-\d{2}-\d{2})/", RegexOptions.CultureInvariant)]
    private static partial Regex DateFolder();
}
