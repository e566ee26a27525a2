using ActorSim.Egress.Destinations;
using ActorSim.Egress.Storage;

namespace ActorSim.Snapshots.EventLogs.Internal;

/// <summary>
/// Chooses a destination's chunk files: those its manifest lists for the runs asked for (succeeded ones unless told
/// otherwise), or without a manifest every <c>.jsonl</c> and <c>.parquet</c> file that is not hidden, in path order.
/// </summary>
internal static class ChunkSelector
{
    public static async Task<(EventLogSelection Selection, IReadOnlyList<ChunkFile> Chunks)> SelectAsync(
        IObjectStore destination, EventLogOptions options, CancellationToken cancellationToken)
    {
        var files = await destination.ListAsync(string.Empty, cancellationToken).ConfigureAwait(false);
        var manifest = files.Contains(DestinationSession.ManifestFile)
            ? await DestinationSession.ReadManifestAsync(destination, cancellationToken).ConfigureAwait(false)
            : null;
        var visible = files.Where(f => !ChunkNames.IsHidden(f)).ToList();
        var locked = files.Contains(DestinationSession.LockFile);
        return manifest is null
            ? WithoutManifest(destination.Location, visible, locked, options)
            : FromManifest(destination.Location, manifest, visible, locked, options);
    }

    private static (EventLogSelection, IReadOnlyList<ChunkFile>) WithoutManifest(string location, List<string> visible, bool locked, EventLogOptions options)
    {
        if (options.RunId is not null)
        {
            throw new EventLogException(
                $"{location} has no {DestinationSession.ManifestFile}, so run '{options.RunId}' cannot be chosen; read it without a run id, or point at the destination that holds the manifest.");
        }

        var chunks = visible.Where(f => ChunkNames.FormatOf(f) is not null).ToList();
        if (chunks.Count == 0)
        {
            throw new EventLogException(
                $"{location} holds no chunk files (.jsonl or .parquet) and no {DestinationSession.ManifestFile}{(visible.Count > 0 ? $", only e.g. '{visible[0]}'" : string.Empty)}; check the destination and prefix.");
        }

        var selection = new EventLogSelection
        {
            Destination = location,
            Chunks = chunks,
            Ignored = visible.Where(f => ChunkNames.FormatOf(f) is null).ToList(),
            Locked = locked,
        };
        return (selection, chunks.Select(c => ChunkNames.Describe(c, null)).ToList());
    }

    private static (EventLogSelection, IReadOnlyList<ChunkFile>) FromManifest(
        string location, RunManifest manifest, List<string> visible, bool locked, EventLogOptions options)
    {
        if (options.RunId is { } wanted && !manifest.Runs.Any(r => r.RunId == wanted))
        {
            throw new EventLogException(
                $"{location}/{DestinationSession.ManifestFile} lists no run '{wanted}'; it lists {string.Join(", ", manifest.Runs.Select(r => $"'{r.RunId}'"))}.");
        }

        var runs = new List<ManifestRun>();
        var skipped = new List<ManifestRun>();
        foreach (var run in manifest.Runs)
        {
            var asked = options.RunId is null || options.RunId == run.RunId;
            var finished = run.Status == RunStatus.Succeeded || options.IncludeUnfinishedRuns;
            if (asked && !finished && options.RunId is not null)
            {
                throw new EventLogException(
                    $"Run '{run.RunId}' in {location} {(run.Status == RunStatus.Stopped ? "was stopped" : "failed")} before its end ({run.Message}); " +
                    "set IncludeUnfinishedRuns to read the chunks it stored.");
            }

            (asked && finished ? runs : skipped).Add(run);
        }

        var present = new HashSet<string>(visible, StringComparer.Ordinal);
        var chunks = new List<ChunkFile>();
        foreach (var run in runs)
        {
            foreach (var chunk in run.Chunks)
            {
                if (!present.Contains(chunk.Path))
                {
                    throw new EventLogException(
                        $"{location}/{DestinationSession.ManifestFile} lists '{chunk.Path}' (run {run.RunId}, {chunk.Rows} rows), but the destination does not hold it; the destination is incomplete.")
                    {
                        File = chunk.Path,
                    };
                }

                chunks.Add(ChunkNames.Describe(chunk.Path, run.RunId));
            }
        }

        var read = new HashSet<string>(chunks.Select(c => c.Path), StringComparer.Ordinal);
        var selection = new EventLogSelection
        {
            Destination = location,
            Manifest = manifest,
            Runs = runs,
            SkippedRuns = skipped,
            Chunks = chunks.Select(c => c.Path).ToList(),
            Ignored = visible.Where(f => !read.Contains(f)).ToList(),
            Locked = locked,
        };
        return (selection, chunks);
    }
}
