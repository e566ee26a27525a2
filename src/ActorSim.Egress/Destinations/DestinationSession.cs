using System.Collections.Concurrent;
using System.Reflection;
using ActorSim.Egress.Reports;
using ActorSim.Egress.Storage;

namespace ActorSim.Egress.Destinations;

/// <summary>
/// A run's hold on one destination, from before its first chunk to after its manifest. Opening takes the destination's
/// lock (<c>_actorsim.lock</c>, created only if absent) and checks what is there against the <see cref="WriteMode"/>;
/// completing writes <c>_manifest.json</c> with every chunk the run stored, then <c>_SUCCESS</c> when every run in
/// it succeeded, then lets go of the lock. Sinks report their chunks through <see cref="ChunkLogFor"/>.
/// </summary>
public sealed class DestinationSession
{
    /// <summary>The manifest's name in the destination.</summary>
    public const string ManifestFile = "_manifest.json";

    /// <summary>The marker of a complete output (Spark's and Hadoop's convention): present only after a run succeeded.</summary>
    public const string SuccessFile = "_SUCCESS";

    /// <summary>The lock a run holds while it writes.</summary>
    public const string LockFile = "_actorsim.lock";

    /// <summary>The folder of the checkpoints a cluster plant run keeps while it runs (<c>_checkpoints/&lt;run id&gt;.json</c>), ActorSim's own.</summary>
    public const string CheckpointFolder = "_checkpoints/";

    private readonly IObjectStore _store;
    private readonly RunDescription _run;
    private readonly IReadOnlyList<ManifestRun> _previousRuns;
    private readonly DateTime _startedAt;
    private readonly ConcurrentQueue<ManifestChunk> _chunks = new();
    private bool _released;

    private DestinationSession(IObjectStore store, string destination, RunDescription run, IReadOnlyList<ManifestRun> previousRuns, string? chunkTag)
    {
        _store = store;
        Destination = destination;
        _run = run;
        _previousRuns = previousRuns;
        ChunkTag = chunkTag;
        _startedAt = DateTime.UtcNow;
    }

    /// <summary>The destination as the user gave it.</summary>
    public string Destination { get; }

    /// <summary>
    /// The suffix this run's chunk names must carry (its run id) when it is appended beside earlier runs, so the two
    /// never share a name; null when the destination was empty.
    /// </summary>
    public string? ChunkTag { get; }

    /// <summary>The chunks logged so far.</summary>
    public int ChunkCount => _chunks.Count;

    /// <summary>
    /// Takes <paramref name="destination"/> (reached through <paramref name="store"/>) for <paramref name="run"/>.
    /// Throws a <see cref="DestinationException"/> naming the destination when another run holds it, or when what it
    /// holds does not allow <paramref name="mode"/>; with <see cref="WriteMode.Overwrite"/> removes ActorSim's earlier
    /// output first.
    /// </summary>
    public static async Task<DestinationSession> OpenAsync(IObjectStore store, string destination, WriteMode mode, RunDescription run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(run);
        await TakeLockAsync(store, destination, mode, run, cancellationToken).ConfigureAwait(false);
        try
        {
            var contents = await InspectAsync(store, destination, cancellationToken).ConfigureAwait(false);
            if (contents.IsEmpty)
            {
                return new DestinationSession(store, destination, run, [], null);
            }

            switch (mode)
            {
                case WriteMode.Overwrite:
                    await ClearAsync(store, destination, contents, cancellationToken).ConfigureAwait(false);
                    return new DestinationSession(store, destination, run, [], null);
                case WriteMode.Append:
                    var previous = CheckAppendable(destination, contents);
                    await store.DeleteAsync(SuccessFile, cancellationToken).ConfigureAwait(false);
                    return new DestinationSession(store, destination, run, previous, run.RunId);
                default:
                    throw new DestinationException(
                        $"Destination '{destination}' is not empty: it holds {contents.Describe()}. " +
                        "Use --overwrite to replace ActorSim's output there, --append to add this run beside it, or choose another destination.");
            }
        }
        catch
        {
            await ReleaseQuietlyAsync(store, cancellationToken).ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>The log a sink of <paramref name="line"/> reports its chunks to; <paramref name="pathPrefix"/> leads from the destination to the sink's store (e.g. <c>line=Line_A/</c>).</summary>
    public IChunkLog ChunkLogFor(string line, string pathPrefix = "") => new DestinationChunkLog(this, line, pathPrefix);

    /// <summary>
    /// Writes the manifest with this run's entry (<paramref name="status"/>, <paramref name="message"/>, its chunks, and
    /// per sink the totals of <paramref name="reports"/> when the run got that far), then <c>_SUCCESS</c> when every run
    /// in the manifest succeeded, then lets go of the lock. Returns the run's entry.
    /// </summary>
    public async Task<ManifestRun> CompleteAsync(RunStatus status, string? message, IReadOnlyList<(string Line, SinkReport Report)>? reports, CancellationToken cancellationToken)
    {
        var entry = Entry(status, message, reports);
        var manifest = new RunManifest { Runs = [.. _previousRuns, entry] };
        await _store.PutAsync(ManifestFile, ManifestJson.Write(manifest), cancellationToken).ConfigureAwait(false);
        if (manifest.Runs.All(r => r.Status == RunStatus.Succeeded))
        {
            await _store.PutAsync(SuccessFile, ReadOnlyMemory<byte>.Empty, cancellationToken).ConfigureAwait(false);
        }

        await ReleaseAsync(cancellationToken).ConfigureAwait(false);
        return entry;
    }

    /// <summary>Lets go of the lock without writing a manifest (a run that never started); a second call does nothing.</summary>
    public async Task ReleaseAsync(CancellationToken cancellationToken)
    {
        if (_released)
        {
            return;
        }

        await _store.DeleteAsync(LockFile, cancellationToken).ConfigureAwait(false);
        _released = true;
    }

    /// <summary>Reads <c>_manifest.json</c> from <paramref name="store"/>; null when there is none.</summary>
    public static async Task<RunManifest?> ReadManifestAsync(IObjectStore store, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var files = await store.ListAsync(ManifestFile, cancellationToken).ConfigureAwait(false);
        return files.Contains(ManifestFile)
            ? ManifestJson.ReadManifest(await store.ReadAsync(ManifestFile, cancellationToken).ConfigureAwait(false), $"'{store.Location}/{ManifestFile}'")
            : null;
    }

    /// <summary>
    /// Records that <paramref name="chunk"/> is stored whole in the destination: a chunk a sink of this process stored
    /// (through <see cref="ChunkLogFor"/>), or one another process stored for this run (a forecast's worker node).
    /// </summary>
    public void Log(ManifestChunk chunk)
    {
        ArgumentNullException.ThrowIfNull(chunk);
        _chunks.Enqueue(chunk);
    }

    private ManifestRun Entry(RunStatus status, string? message, IReadOnlyList<(string Line, SinkReport Report)>? reports)
    {
        var chunks = _chunks.OrderBy(c => c.Path, StringComparer.Ordinal).ToList();
        var sinks = new List<ManifestSink>();
        var reported = reports ?? [];
        foreach (var group in chunks.GroupBy(c => (c.Line, c.Sink)))
        {
            var report = reported.FirstOrDefault(r => r.Line == group.Key.Line && r.Report.Sink == group.Key.Sink).Report;
            sinks.Add(new ManifestSink(group.Key.Line, group.Key.Sink, report?.Published, group.Sum(c => c.Rows), report?.Dropped, group.Count(), group.Sum(c => c.Bytes)));
        }

        foreach (var (line, report) in reported.Where(r => !sinks.Exists(s => s.Line == r.Line && s.Sink == r.Report.Sink)))
        {
            sinks.Add(new ManifestSink(line, report.Sink, report.Published, 0, report.Dropped, 0, 0));
        }

        return new ManifestRun
        {
            RunId = _run.RunId,
            Status = status,
            Message = message,
            Model = _run.Model,
            ModelHash = _run.ModelHash,
            Seed = _run.Seed,
            Start = _run.Start,
            DurationSeconds = _run.DurationSeconds,
            Engine = _run.Engine,
            Tool = "actorsim " + (typeof(DestinationSession).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown"),
            StartedAt = _startedAt,
            FinishedAt = DateTime.UtcNow,
            Sinks = sinks.OrderBy(s => s.Line, StringComparer.Ordinal).ThenBy(s => s.Sink, StringComparer.Ordinal).ToList(),
            Chunks = chunks,
        };
    }

    private static async Task TakeLockAsync(IObjectStore store, string destination, WriteMode mode, RunDescription run, CancellationToken cancellationToken)
    {
        var mine = ManifestJson.Write(new DestinationLock(run.RunId, Environment.MachineName, Environment.ProcessId, DateTime.UtcNow));
        if (await store.PutIfAbsentAsync(LockFile, mine, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        var holder = ManifestJson.ReadLock(await store.ReadAsync(LockFile, cancellationToken).ConfigureAwait(false), $"The lock '{destination}/{LockFile}'");
        var dead = holder.HolderIsDead();
        if (dead && mode == WriteMode.Overwrite)
        {
            await store.DeleteAsync(LockFile, cancellationToken).ConfigureAwait(false);
            if (await store.PutIfAbsentAsync(LockFile, mine, cancellationToken).ConfigureAwait(false))
            {
                return;
            }
        }

        throw new DestinationException(
            $"Destination '{destination}' is in use by run {holder.RunId} (process {holder.Pid} on {holder.Host}, since {holder.Since:yyyy-MM-ddTHH:mm:ssZ}). " +
            (dead
                ? "That process is gone: run with --overwrite to clear what it left, or choose another destination."
                : $"Wait for it to end, or choose another destination; if that run is known to be dead, remove '{LockFile}' there."));
    }

    /// <summary>Lets go of a lock just taken, after the run was refused; a store that fails here must not hide why it was refused.</summary>
    private static async Task ReleaseQuietlyAsync(IObjectStore store, CancellationToken cancellationToken)
    {
        try
        {
            await store.DeleteAsync(LockFile, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is ObjectStoreException or OperationCanceledException)
        {
            // The lock stays; the next run names it and its holder.
        }
    }

    private static async Task<DestinationContents> InspectAsync(IObjectStore store, string destination, CancellationToken cancellationToken)
    {
        var files = await store.ListAsync(string.Empty, cancellationToken).ConfigureAwait(false);
        var leftovers = await store.ListLeftoversAsync(cancellationToken).ConfigureAwait(false);
        var manifest = files.Contains(ManifestFile)
            ? ManifestJson.ReadManifest(await store.ReadAsync(ManifestFile, cancellationToken).ConfigureAwait(false), $"'{destination}/{ManifestFile}'")
            : null;
        return new DestinationContents(files, leftovers, manifest);
    }

    /// <summary>Removes ActorSim's earlier output: the success marker first (readers stop trusting the folder), the manifest last.</summary>
    private static async Task ClearAsync(IObjectStore store, string destination, DestinationContents contents, CancellationToken cancellationToken)
    {
        if (contents.Foreign.Count > 0)
        {
            throw new DestinationException(
                $"Destination '{destination}' holds {contents.Foreign.Count} file(s) ActorSim did not write (e.g. '{contents.Foreign[0]}'); " +
                "--overwrite removes only ActorSim's output. Move them away or choose another destination.");
        }

        if (contents.Owned.Contains(SuccessFile))
        {
            await store.DeleteAsync(SuccessFile, cancellationToken).ConfigureAwait(false);
        }

        await store.RemoveLeftoversAsync(cancellationToken).ConfigureAwait(false);
        foreach (var file in contents.Owned.Where(f => f is not SuccessFile and not ManifestFile))
        {
            await store.DeleteAsync(file, cancellationToken).ConfigureAwait(false);
        }

        if (contents.Owned.Contains(ManifestFile))
        {
            await store.DeleteAsync(ManifestFile, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The runs an appended run joins; refuses a destination whose data is not that of completed runs alone.</summary>
    private static IReadOnlyList<ManifestRun> CheckAppendable(string destination, DestinationContents contents)
    {
        string? problem = contents.Foreign.Count > 0 ? $"files ActorSim did not write (e.g. '{contents.Foreign[0]}')"
            : contents.Leftovers.Count > 0 ? $"leftovers of a writer that died (e.g. '{contents.Leftovers[0]}')"
            : contents.Unclaimed.Count > 0 ? $"{contents.Unclaimed.Count} chunk file(s) no manifest lists (e.g. '{contents.Unclaimed[0]}': a run that did not finish)"
            : contents.Manifest?.Runs.FirstOrDefault(r => r.Status != RunStatus.Succeeded) is { } unfinished
                ? $"run {unfinished.RunId}, which {(unfinished.Status == RunStatus.Stopped ? "was stopped" : "failed")} before its end"
            : null;
        if (problem is not null)
        {
            throw new DestinationException(
                $"Cannot append to '{destination}': it holds {problem}, so its data would mix complete and incomplete runs. " +
                "Use --overwrite to start it afresh, or choose another destination.");
        }

        return contents.Manifest?.Runs ?? [];
    }
}
