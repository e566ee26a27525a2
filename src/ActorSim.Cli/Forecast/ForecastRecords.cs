using System.Collections.Concurrent;
using ActorSim.Egress;
using ActorSim.Egress.Reports;
using ActorSim.Forecasts;
using ActorSim.Model.Records;
using ActorSim.Runs;
using ActorSim.Runs.Execution;

namespace ActorSim.Cli.Forecast;

/// <summary>
/// <c>--keep-records DEST</c>: each replication's records go through egress, as a history run's do, into
/// <c>DEST/replication=&lt;i&gt;/</c> (and <c>line=&lt;sim_id&gt;/</c> below it for a plant). The destination is
/// held as one run's (<see cref="RunDestinations"/>: a lock, then a manifest listing every replication's chunks and
/// per line the records of all of them, then <c>_SUCCESS</c>).
/// </summary>
internal sealed class ForecastRecords : IReplicationRecords, IAsyncDisposable
{
    private readonly CompiledRun _run;
    private readonly RunDestinations _destinations;
    private readonly CancellationToken _cancellation;
    private readonly ConcurrentDictionary<int, List<(string Line, EgressPipeline Egress)>> _open = new();
    private readonly ConcurrentDictionary<(string Line, string Sink), SinkReport> _totals = new();

    private ForecastRecords(CompiledRun run, RunDestinations destinations, CancellationToken cancellation)
    {
        _run = run;
        _destinations = destinations;
        _cancellation = cancellation;
    }

    /// <summary>The destination, as given.</summary>
    public string Destination => _run.Spec.Sinks[0].Destination;

    /// <summary>Takes the destination of <paramref name="run"/> (its sinks all write there) for the forecast.</summary>
    public static async Task<ForecastRecords> OpenAsync(CompiledRun run, CancellationToken cancellation)
    {
        var description = new ActorSim.Egress.Destinations.RunDescription(
            ActorSim.Egress.Destinations.RunDescription.NewRunId(), run.Name, run.ModelDefinition, run.Spec.Seed, run.Spec.Start, run.Spec.DurationSeconds, "forecast");
        return new ForecastRecords(run, await RunDestinations.OpenAsync(run, description, cancellation).ConfigureAwait(false), cancellation);
    }

    /// <inheritdoc/>
    public IRecordSink Open(int replication, string line)
    {
        var egress = new EgressPipeline(_run.Spec.Start, _destinations.SinksFor(line, Folder(replication)), _cancellation);
        _open.GetOrAdd(replication, _ => []).Add((line, egress));
        return egress;
    }

    /// <inheritdoc/>
    public void Close(int replication)
    {
        if (!_open.TryRemove(replication, out var lines))
        {
            return;
        }

        try
        {
            foreach (var (line, egress) in lines)
            {
                // On a forecast worker: the pipeline's own writer threads store the chunks, so waiting here cannot deadlock.
                var report = egress.CompleteAsync().GetAwaiter().GetResult();
                foreach (var sink in report.Sinks)
                {
                    _totals.AddOrUpdate((line, sink.Sink), sink with { Destinations = [] }, (_, total) => total with
                    {
                        Published = total.Published + sink.Published,
                        Written = total.Written + sink.Written,
                        Dropped = total.Dropped + sink.Dropped,
                    });
                }
            }
        }
        finally
        {
            foreach (var (_, egress) in lines)
            {
                DisposeQuietlyAsync(egress).AsTask().GetAwaiter().GetResult();
            }
        }
    }

    /// <summary>Writes the manifest for a forecast that ended as <paramref name="status"/>; returns a line saying where it went, or why it could not.</summary>
    public async Task<string> CompleteAsync(ActorSim.Egress.Destinations.RunStatus status, string? message)
    {
        var reports = _totals.Select(t => (t.Key.Line, t.Value)).OrderBy(t => t.Line, StringComparer.Ordinal).ToList();
        var outcome = (await _destinations.CompleteAsync(status, message, reports).ConfigureAwait(false))[0];
        return outcome.Entry is { } entry
            ? $"records: {Destination.TrimEnd('/')}/replication=<i>/, {reports.Sum(r => r.Value.Written):N0} written in {entry.Chunks.Count:N0} chunks; manifest {Destination.TrimEnd('/')}/_manifest.json ({status.ToString().ToLowerInvariant()})"
            : $"records: the manifest could not be written to '{outcome.Destination}' ({outcome.Error}); treat its chunks as incomplete.";
    }

    /// <summary>Stops the writers of replications still open (a forecast that failed or was stopped) and lets go of the lock.</summary>
    public async ValueTask DisposeAsync()
    {
        foreach (var (_, lines) in _open)
        {
            foreach (var (_, egress) in lines)
            {
                await DisposeQuietlyAsync(egress).ConfigureAwait(false);
            }
        }

        await _destinations.DisposeAsync().ConfigureAwait(false);
    }

    private static async ValueTask DisposeQuietlyAsync(EgressPipeline egress)
    {
        try
        {
            await egress.DisposeAsync().ConfigureAwait(false);
        }
        catch (EgressException)
        {
            // The failure was already thrown by CompleteAsync; disposing only stops the writers.
        }
    }

    private static string Folder(int replication) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"replication={replication}/");
}
