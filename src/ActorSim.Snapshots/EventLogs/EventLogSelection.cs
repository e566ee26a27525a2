using System.Globalization;
using ActorSim.Egress.Destinations;

namespace ActorSim.Snapshots.EventLogs;

/// <summary>
/// Which chunk files an <see cref="EventLogReader"/> reads and why: those a destination's <c>_manifest.json</c> lists for
/// the runs chosen, or, without a manifest, every <c>.jsonl</c> and <c>.parquet</c> file found, in path order.
/// </summary>
public sealed record EventLogSelection
{
    /// <summary>The destination, for messages: the store's location and the prefix.</summary>
    public required string Destination { get; init; }

    /// <summary>The destination's manifest; null when it has none.</summary>
    public RunManifest? Manifest { get; init; }

    /// <summary>The manifest's runs whose chunks are read, oldest first; empty without a manifest.</summary>
    public IReadOnlyList<ManifestRun> Runs { get; init; } = [];

    /// <summary>The manifest's runs left out: unfinished ones, or others than the one asked for.</summary>
    public IReadOnlyList<ManifestRun> SkippedRuns { get; init; } = [];

    /// <summary>The chunk files to read, relative to the destination, in reading order.</summary>
    public IReadOnlyList<string> Chunks { get; init; } = [];

    /// <summary>
    /// Files found and not read: chunk files no chosen run lists (a stray file, or a skipped run's chunk) and files that
    /// are not chunks. Names starting with <c>_</c> or <c>.</c> (manifest, marker, lock, temporary files) are not counted.
    /// </summary>
    public IReadOnlyList<string> Ignored { get; init; } = [];

    /// <summary>True when <c>_actorsim.lock</c> is there: a run may still be writing, or died without a manifest.</summary>
    public bool Locked { get; init; }

    /// <summary>A sentence for logs, e.g. "726 chunks of 1 succeeded run listed in _manifest.json; ignored 1 file (e.g. 'x')".</summary>
    public string Describe()
    {
        var parts = new List<string>();
        if (Manifest is null)
        {
            parts.Add($"{Count(Chunks.Count, "chunk file")} found under {Destination} (no {DestinationSession.ManifestFile}: every .jsonl and .parquet file, in path order)");
        }
        else
        {
            var runs = string.Join(", ", Runs.Select(r => $"{r.RunId} ({r.Status.ToString().ToLowerInvariant()})"));
            parts.Add($"{Count(Chunks.Count, "chunk")} of {Count(Runs.Count, "run")}{(Runs.Count > 0 ? $" [{runs}]" : string.Empty)} listed in {Destination}/{DestinationSession.ManifestFile}");
            if (SkippedRuns.Count > 0)
            {
                parts.Add($"skipped {Count(SkippedRuns.Count, "run")} [{string.Join(", ", SkippedRuns.Select(r => $"{r.RunId} ({r.Status.ToString().ToLowerInvariant()})"))}]");
            }
        }

        if (Ignored.Count > 0)
        {
            parts.Add($"ignored {Count(Ignored.Count, "file")} (e.g. '{Ignored[0]}')");
        }

        if (Locked)
        {
            parts.Add($"{DestinationSession.LockFile} is present: a run may still be writing there");
        }

        return string.Join("; ", parts);
    }

    private static string Count(int n, string noun) => string.Create(CultureInfo.InvariantCulture, $"{n} {noun}{(n == 1 ? string.Empty : "s")}");
}
