using System.Collections.Concurrent;
using System.Globalization;
using ActorSim.Egress;
using ActorSim.Egress.Reports;
using ActorSim.Model.Records;

namespace ActorSim.Forecasts.Records;

/// <summary>
/// The egress of kept replications: a pipeline per replication and line, opened when the replication starts, completed
/// when it reaches the horizon. Each line's sinks come from <paramref name="sinksFor"/> (replication, line), which puts
/// them under <see cref="Folder"/>. Used from the workers at once, each replication from one worker.
/// </summary>
public sealed class ReplicationEgress(DateTime start, Func<int, string, IReadOnlyList<SinkOptions>> sinksFor, CancellationToken cancellation = default) : IAsyncDisposable
{
    private readonly ConcurrentDictionary<int, List<(string Line, EgressPipeline Egress)>> _open = new();

    /// <summary>The folder replication <paramref name="replication"/>'s records go under: <c>replication=&lt;i&gt;/</c>.</summary>
    public static string Folder(int replication) => string.Create(CultureInfo.InvariantCulture, $"replication={replication}/");

    /// <summary>A new pipeline for the line <paramref name="line"/> of replication <paramref name="replication"/>.</summary>
    public IRecordSink Open(int replication, string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var egress = new EgressPipeline(start, sinksFor(replication, line), cancellation);
        _open.GetOrAdd(replication, _ => []).Add((line, egress));
        return egress;
    }

    /// <summary>
    /// Stores every record of replication <paramref name="replication"/> and returns per line and sink what was
    /// published, written and dropped; throws an <see cref="EgressException"/> when they cannot all be stored.
    /// </summary>
    public IReadOnlyList<(string Line, SinkReport Report)> Close(int replication)
    {
        if (!_open.TryRemove(replication, out var lines))
        {
            return [];
        }

        try
        {
            var reports = new List<(string Line, SinkReport Report)>();
            foreach (var (line, egress) in lines)
            {
                // On a forecast worker: the pipeline's own writer threads store the chunks, so waiting here cannot deadlock.
                foreach (var sink in egress.CompleteAsync().GetAwaiter().GetResult().Sinks)
                {
                    reports.Add((line, sink with { Destinations = [] }));
                }
            }

            return reports;
        }
        finally
        {
            foreach (var (_, egress) in lines)
            {
                DisposeQuietlyAsync(egress).AsTask().GetAwaiter().GetResult();
            }
        }
    }

    /// <summary>Stops the writers of replication <paramref name="replication"/> without storing what they hold (a replication that failed).</summary>
    public void Discard(int replication)
    {
        if (_open.TryRemove(replication, out var lines))
        {
            foreach (var (_, egress) in lines)
            {
                DisposeQuietlyAsync(egress).AsTask().GetAwaiter().GetResult();
            }
        }
    }

    /// <summary>Stops the writers of replications still open (a forecast that failed or was stopped).</summary>
    public async ValueTask DisposeAsync()
    {
        foreach (var replication in _open.Keys)
        {
            if (_open.TryRemove(replication, out var lines))
            {
                foreach (var (_, egress) in lines)
                {
                    await DisposeQuietlyAsync(egress).ConfigureAwait(false);
                }
            }
        }
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
}
