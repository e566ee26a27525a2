using System.Collections.Concurrent;
using ActorSim.Egress.Destinations;
using ActorSim.Model.Records;
using ActorSim.Runs;

namespace ActorSim.Forecasts.Records;

/// <summary>
/// Kept records written on a worker node: each replication's records go through the sinks of a run compiled here from
/// the client's <see cref="ForecastRecordStore.Spec"/> (with this process's stores) into the same
/// <c>replication=&lt;i&gt;/</c> folders, chunk for chunk what the client would write. The destination's lock and
/// manifest stay with the client: <see cref="Take"/> gives what a replication stored, for the client to log.
/// </summary>
public sealed class ReplicationRecordWriter : IReplicationRecords, IAsyncDisposable
{
    private readonly ConcurrentDictionary<int, ConcurrentDictionary<string, ChunkQueue>> _chunks = new();
    private readonly ConcurrentDictionary<int, KeptRecords> _closed = new();
    private readonly ReplicationEgress _egress;

    /// <summary>A writer through the sinks of <paramref name="run"/>.</summary>
    public ReplicationRecordWriter(CompiledRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        _egress = new ReplicationEgress(run.Spec.Start, (replication, line) =>
        {
            var chunks = new ChunkQueue(line, ReplicationEgress.Folder(replication) + run.LineFolder(line));
            _chunks.GetOrAdd(replication, _ => new ConcurrentDictionary<string, ChunkQueue>(StringComparer.Ordinal))[line] = chunks;
            return run.SinksFor(line, ReplicationEgress.Folder(replication)).Select(sink => sink with { ChunkLog = chunks }).ToArray();
        });
    }

    /// <inheritdoc/>
    public IRecordSink Open(int replication, string line) => _egress.Open(replication, line);

    /// <inheritdoc/>
    public void Close(int replication)
    {
        var reports = _egress.Close(replication);
        _chunks.TryRemove(replication, out var chunks);
        _closed[replication] = new KeptRecords(
            (chunks?.Values.SelectMany(c => c.Chunks()) ?? []).OrderBy(c => c.Path, StringComparer.Ordinal).ToArray(),
            reports.Select(r => new SinkTotals(r.Line, r.Report.Sink, r.Report.Published, r.Report.Written, r.Report.Dropped)).ToArray());
    }

    /// <summary>What replication <paramref name="replication"/> stored, once it closed, removed from this writer; null when it did not close.</summary>
    public KeptRecords? Take(int replication) => _closed.TryRemove(replication, out var kept) ? kept : null;

    /// <summary>Stops the writers of a replication that failed, without storing what they hold.</summary>
    public void Discard(int replication)
    {
        _egress.Discard(replication);
        _chunks.TryRemove(replication, out _);
    }

    /// <summary>Stops the writers of replications still open.</summary>
    public ValueTask DisposeAsync() => _egress.DisposeAsync();
}
