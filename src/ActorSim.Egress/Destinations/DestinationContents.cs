using System.Globalization;
using System.Text.RegularExpressions;

namespace ActorSim.Egress.Destinations;

/// <summary>What a destination holds before a run, sorted into ActorSim's own files and everything else.</summary>
internal sealed partial class DestinationContents
{
    public DestinationContents(IReadOnlyList<string> files, IReadOnlyList<string> leftovers, RunManifest? manifest)
    {
        Manifest = manifest;
        Leftovers = leftovers;
        var claimed = new HashSet<string>(manifest?.Runs.SelectMany(r => r.Chunks).Select(c => c.Path) ?? [], StringComparer.Ordinal);
        foreach (var file in files)
        {
            if (file == DestinationSession.LockFile)
            {
                continue;
            }

            if (file is DestinationSession.ManifestFile or DestinationSession.SuccessFile || claimed.Contains(file) ||
                file.StartsWith(DestinationSession.CheckpointFolder, StringComparison.Ordinal))
            {
                Owned.Add(file);
            }
            else if (ChunkName().IsMatch(file))
            {
                Owned.Add(file);
                Unclaimed.Add(file);
            }
            else
            {
                Foreign.Add(file);
            }
        }
    }

    public RunManifest? Manifest { get; }

    /// <summary>Temporary files or unfinished uploads of a writer that died.</summary>
    public IReadOnlyList<string> Leftovers { get; }

    /// <summary>Files ActorSim writes: the manifest, the success marker, chunks, a cluster run's checkpoints.</summary>
    public List<string> Owned { get; } = [];

    /// <summary>Chunk files no manifest lists: the output of a run that never finished.</summary>
    public List<string> Unclaimed { get; } = [];

    /// <summary>Files ActorSim did not write.</summary>
    public List<string> Foreign { get; } = [];

    public bool IsEmpty => Owned.Count == 0 && Foreign.Count == 0 && Leftovers.Count == 0;

    /// <summary>A sentence for messages: what is there, e.g. "the output of 1 ActorSim run (run X, seed 1, succeeded, 104 chunks)".</summary>
    public string Describe()
    {
        var parts = new List<string>();
        if (Manifest is { Runs.Count: > 0 } manifest)
        {
            var last = manifest.Runs[^1];
            parts.Add(string.Create(CultureInfo.InvariantCulture,
                $"the output of {Count(manifest.Runs.Count, "ActorSim run")} (last: run {last.RunId}, seed {last.Seed}, {last.Status.ToString().ToLowerInvariant()}, {Count(last.Chunks.Count, "chunk")})"));
        }

        if (Unclaimed.Count > 0)
        {
            parts.Add($"{Count(Unclaimed.Count, "chunk file")} that no manifest lists (e.g. '{Unclaimed[0]}': a run that did not finish)");
        }

        if (Leftovers.Count > 0)
        {
            parts.Add($"{Count(Leftovers.Count, "leftover")} of a writer that died (e.g. '{Leftovers[0]}')");
        }

        if (Foreign.Count > 0)
        {
            parts.Add($"{Count(Foreign.Count, "file")} ActorSim did not write (e.g. '{Foreign[0]}')");
        }

        return string.Join("; ", parts);
    }

    private static string Count(int n, string noun) => string.Create(CultureInfo.InvariantCulture, $"{n} {noun}{(n == 1 ? string.Empty : "s")}");

    /// <summary>A chunk's name as ActorSim writes it: <c>[folders/]stem_NNNNNN[.parquet|.jsonl]</c>.</summary>
    [GeneratedRegex(@"(^|/)[^/]+_\d{6,}(\.parquet|\.jsonl)?$", RegexOptions.CultureInvariant)]
    private static partial Regex ChunkName();
}
