using System.Collections.Concurrent;
using ActorSim.Egress.Destinations;
using ActorSim.Egress.Reports;
using ActorSim.Model.Records;
using ActorSim.Runs;
using ActorSim.Runs.Execution;

namespace ActorSim.Forecasts.Records;

/// <summary>
/// <c>--keep-records DEST</c> on the forecast's own process: each replication's records go through egress, as a history
/// run's do, into <c>DEST/replication=&lt;i&gt;/</c> (and <c>line=&lt;sim_id&gt;/</c> below it for a plant). The
/// destination is held as one run's (<see cref="RunDestinations"/>: a lock, then a manifest listing every
/// replication's chunks and per line the records of all of them, then <c>_SUCCESS</c>). Replications that ran on other
/// processes write with a <see cref="ReplicationRecordWriter"/> of <see cref="Spec"/> and report here (<see cref="Kept"/>).
/// </summary>
public sealed class ForecastRecordStore : IReplicationRecords, IAsyncDisposable
{
    private readonly CompiledRun _run;
    private readonly RunDestinations _destinations;
    private readonly ReplicationEgress _egress;
    private readonly ConcurrentDictionary<(string Line, string Sink), SinkReport> _totals = new();

    private ForecastRecordStore(CompiledRun run, RunDestinations destinations, CancellationToken cancellation)
    {
        _run = run;
        _destinations = destinations;
        _egress = new ReplicationEgress(run.Spec.Start, (replication, line) => destinations.SinksFor(line, ReplicationEgress.Folder(replication)), cancellation);
    }

    /// <summary>The destination, as given.</summary>
    public string Destination => _run.Spec.Sinks[0].Destination;

    /// <summary>The run whose sinks the records go through: what a worker node compiles to write replications of its own.</summary>
    public RunSpec Spec => _run.Spec;

    /// <summary>Takes the destination of <paramref name="run"/> (its sinks all write there) for a forecast; refusals as <see cref="RunDestinations.OpenAsync"/>'s.</summary>
    public static async Task<ForecastRecordStore> OpenAsync(CompiledRun run, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(run);
        var description = new RunDescription(RunDescription.NewRunId(), run.Name, run.ModelDefinition, run.Spec.Seed, run.Spec.Start, run.Spec.DurationSeconds, "forecast");
        return new ForecastRecordStore(run, await RunDestinations.OpenAsync(run, description, cancellation).ConfigureAwait(false), cancellation);
    }

    /// <inheritdoc/>
    public IRecordSink Open(int replication, string line) => _egress.Open(replication, line);

    /// <inheritdoc/>
    public void Close(int replication)
    {
        foreach (var (line, report) in _egress.Close(replication))
        {
            Count(line, report);
        }
    }

    /// <summary>Takes in what replication <paramref name="replication"/>, run on another process, stored: its chunks into the manifest, its totals into the sums.</summary>
    public void Kept(int replication, KeptRecords records)
    {
        ArgumentNullException.ThrowIfNull(records);
        foreach (var chunk in records.Chunks)
        {
            _destinations.Log(chunk);
        }

        foreach (var sink in records.Sinks)
        {
            Count(sink.Line, new SinkReport(sink.Sink, sink.Published, sink.Written, sink.Dropped, []));
        }
    }

    /// <summary>Writes the manifest for a forecast that ended as <paramref name="status"/>; returns a line saying where it went, or why it could not.</summary>
    public async Task<string> CompleteAsync(RunStatus status, string? message)
    {
        var reports = _totals.Select(t => (t.Key.Line, t.Value)).OrderBy(t => t.Line, StringComparer.Ordinal).ThenBy(t => t.Value.Sink, StringComparer.Ordinal).ToList();
        var outcome = (await _destinations.CompleteAsync(status, message, reports).ConfigureAwait(false))[0];
        return outcome.Entry is { } entry
            ? $"records: {Destination.TrimEnd('/')}/replication=<i>/, {reports.Sum(r => r.Value.Written):N0} written in {entry.Chunks.Count:N0} chunks; manifest {Destination.TrimEnd('/')}/_manifest.json ({status.ToString().ToLowerInvariant()})"
            : $"records: the manifest could not be written to '{outcome.Destination}' ({outcome.Error}); treat its chunks as incomplete.";
    }

    /// <summary>Stops the writers of replications still open (a forecast that failed or was stopped) and lets go of the lock.</summary>
    public async ValueTask DisposeAsync()
    {
        await _egress.DisposeAsync().ConfigureAwait(false);
        await _destinations.DisposeAsync().ConfigureAwait(false);
    }

    private void Count(string line, SinkReport report) =>
        _totals.AddOrUpdate((line, report.Sink), report, (_, total) => total with
        {
            Published = total.Published + report.Published,
            Written = total.Written + report.Written,
            Dropped = total.Dropped + report.Dropped,
        });
}
