using System.Text.Json;
using ActorSim.Actors;
using ActorSim.Egress.Destinations;
using ActorSim.Egress.Storage;
using ActorSim.Model.Snapshots;

namespace ActorSim.Cluster.Internal;

/// <summary>
/// A cluster plant run's checkpoints on the client: those a recovery may replay from, the chunks the lines stored
/// before the latest (the manifest lists them, whichever node wrote them), and a copy of the latest in the shared store,
/// <c>_checkpoints/&lt;run id&gt;.json</c> of the first destination: the exact snapshot and each line's egress state.
/// The copy is written behind the run (the coordinator does not wait for it), at most once a second, the latest one
/// winning, and deleted when the run succeeds.
/// </summary>
internal sealed class CheckpointLedger(IObjectStore store, string runId)
{
    /// <summary>Checkpoints kept before those no restore can need are let go (some thousands of bytes each).</summary>
    private const int PruneAt = 32;

    /// <summary>The copy in the store is written at most this often; the client holds every checkpoint a restore needs.</summary>
    private static readonly TimeSpan WriteInterval = TimeSpan.FromSeconds(1);

    private readonly object _gate = new();
    private readonly List<ManifestChunk> _kept = [];
    private readonly List<ManifestChunk> _sinceRestore = [];
    private RunCheckpoint? _unwritten;
    private Task _writing = Task.CompletedTask;
    private Exception? _writeError;
    private readonly CancellationTokenSource _hurry = new();

    /// <summary>Where the copy goes, in the first destination's store.</summary>
    public string Path { get; } = DestinationSession.CheckpointFolder + runId + ".json";

    /// <summary>The checkpoints a restore may need, oldest first: from the one the latest would replay from.</summary>
    private readonly List<RunCheckpoint> _window = [];

    /// <summary>The latest checkpoint, or null before the first.</summary>
    public RunCheckpoint? Latest { get; private set; }

    /// <summary>Checkpoints taken so far, over every attempt.</summary>
    public int Taken { get; private set; }

    /// <summary>On the coordinator's thread: keeps <paramref name="checkpoint"/> as the latest and writes its copy behind the run.</summary>
    public void Add(RunCheckpoint checkpoint)
    {
        lock (_gate)
        {
            Latest = checkpoint;
            Taken++;
            _window.Add(checkpoint);
            if (_window.Count >= PruneAt)
            {
                // A later checkpoint never replays from an earlier one than this one's replay starts from.
                if (RestorePlan.Of(_window).ReplayFrom is { } from)
                {
                    _window.RemoveRange(0, _window.IndexOf(from));
                }
            }

            _sinceRestore.AddRange(checkpoint.Lines.SelectMany(l => l.Chunks));
            _unwritten = checkpoint;
            if (_writing.IsCompleted)
            {
                _writing = Task.Run(WriteLatestAsync);
            }
        }
    }

    /// <summary>
    /// A recovery: how every line replays (<see cref="RestorePlan"/>) past <see cref="Latest"/>, whose chunks are
    /// final whichever attempt stored them; a run from it stores only the chunks after them. Null before the first checkpoint.
    /// </summary>
    public RestorePlan? Restoring()
    {
        lock (_gate)
        {
            if (Latest is null)
            {
                return null;
            }

            _kept.AddRange(_sinceRestore);
            _sinceRestore.Clear();
            return RestorePlan.Of(_window);
        }
    }

    /// <summary>The chunks stored before the checkpoint the last recovery restored from (none without a recovery).</summary>
    public IReadOnlyList<ManifestChunk> Kept
    {
        get
        {
            lock (_gate)
            {
                return [.. _kept];
            }
        }
    }

    /// <summary>Waits for the copy being written; then deletes it (the run succeeded) when <paramref name="delete"/>.</summary>
    public async Task SettleAsync(bool delete, CancellationToken cancellation)
    {
        Task writing;
        await _hurry.CancelAsync().ConfigureAwait(false);
        lock (_gate)
        {
            writing = _writing;
        }

        // A wait between copies ends at the next copy or sooner; the run that failed keeps its latest checkpoint's copy.
        await writing.ConfigureAwait(false);
        if (delete && Taken > 0)
        {
            await store.DeleteAsync(Path, cancellation).ConfigureAwait(false);
        }
    }

    /// <summary>Why the last copy could not be written, or null.</summary>
    public Exception? WriteError => Volatile.Read(ref _writeError);

    private async Task WriteLatestAsync()
    {
        while (true)
        {
            RunCheckpoint checkpoint;
            lock (_gate)
            {
                if (_unwritten is null)
                {
                    return;
                }

                checkpoint = _unwritten;
                _unwritten = null;
            }

            var began = System.Diagnostics.Stopwatch.StartNew();
            try
            {
                await store.PutAsync(Path, Document(checkpoint), CancellationToken.None).ConfigureAwait(false);
                Volatile.Write(ref _writeError, null);
            }
#pragma warning disable CA1031 // The copy is for inspection and later use; the client holds the checkpoint it restores from.
            catch (Exception e)
#pragma warning restore CA1031
            {
                Volatile.Write(ref _writeError, e);
            }

            // Checkpoints taken meanwhile wait, the latest winning: the copy costs the run's CPU, not its pace.
            if (began.Elapsed < WriteInterval && !_hurry.IsCancellationRequested)
            {
                await Task.Delay(WriteInterval - began.Elapsed, _hurry.Token).ContinueWith(_ => { }, TaskScheduler.Default).ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// <c>{"format": "actorsim-checkpoint", "version": 1, "run_id", "as_of", "snapshot": {exact snapshot}, "lines": [{"sim_id", "egress": base64}]}</c>.
    /// </summary>
    private byte[] Document(RunCheckpoint checkpoint)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = false }))
        {
            json.WriteStartObject();
            json.WriteString("format", "actorsim-checkpoint");
            json.WriteNumber("version", 1);
            json.WriteString("run_id", runId);
            json.WriteNumber("as_of", checkpoint.AsOf);
            json.WritePropertyName("snapshot");
            json.WriteRawValue(SnapshotJson.Write(checkpoint.Snapshot));
            json.WriteStartArray("lines");
            foreach (var line in checkpoint.Lines)
            {
                json.WriteStartObject();
                json.WriteString("sim_id", line.SimId);
                json.WriteBase64String("egress", line.Egress);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }
}
