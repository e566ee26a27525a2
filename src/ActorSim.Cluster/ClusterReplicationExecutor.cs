using System.Globalization;
using ActorSim.Cluster.Internal;
using ActorSim.Forecasts;
using ActorSim.Forecasts.Records;
using ActorSim.Runs;
using Akka.Actor;

namespace ActorSim.Cluster;

/// <summary>
/// Runs a forecast's replications on the cluster's worker nodes from a client node: per request (the baseline, each
/// what-if scenario) a job of its own, whose definition — <paramref name="model"/>, <paramref name="snapshotJson"/> and the
/// request's parameters — each worker fetches once by hash; workers pull batches of indices, and the outcomes come back
/// by index, so <see cref="ForecastRunner"/> aggregates exactly what a local run gives. A lost worker's batches are run
/// again elsewhere. A request that keeps records (<see cref="ForecastRequest.Records"/>, a <see cref="ForecastRecordStore"/>)
/// has its workers write each replication's chunks into the store's destination and report them back for its manifest.
/// Dispose it to end the jobs and learn who did what (<see cref="Shares"/>).
/// </summary>
public sealed class ClusterReplicationExecutor(ActorSimNode client, ModelSource model, string? snapshotJson) : IReplicationExecutor, IAsyncDisposable
{
    private readonly Dictionary<string, IActorRef> _masters = new(StringComparer.Ordinal);
    private readonly ClusterForecastSettings _settings = ClusterForecastSettings.FromConfig(client.System.Settings.Config);
    private readonly Lock _lock = new();
    private readonly List<NodeShare> _shares = [];
    private int _jobs;

    /// <summary>Who did what, summed over the jobs, once disposed.</summary>
    public IReadOnlyList<NodeShare> Shares => _shares;

    /// <inheritdoc/>
    public IReadOnlyList<ReplicationOutcome> Run(ForecastRequest request, int first, int count, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(request);
        var master = MasterFor(request);
        var completion = new TaskCompletionSource<IReadOnlyList<ReplicationOutcome>>(TaskCreationOptions.RunContinuationsAsynchronously);
        master.Tell(new RunRange(first, count, completion, request.ReplicationDone));
        using (cancellation.Register(() => master.Tell(CancelRange.Instance)))
        {
            try
            {
                return completion.Task.GetAwaiter().GetResult();
            }
            catch (TaskCanceledException) when (cancellation.IsCancellationRequested)
            {
                throw new OperationCanceledException("The forecast was stopped before its replications were done.", cancellation);
            }
        }
    }

    /// <summary>Ends every job on the workers and collects who did what.</summary>
    public async ValueTask DisposeAsync()
    {
        IActorRef[] masters;
        lock (_lock)
        {
            masters = [.. _masters.Values];
            _masters.Clear();
        }

        var byNode = new Dictionary<string, NodeShare>(StringComparer.Ordinal);
        foreach (var master in masters)
        {
            var shares = new TaskCompletionSource<IReadOnlyList<NodeShare>>(TaskCreationOptions.RunContinuationsAsynchronously);
            master.Tell(new FinishJob(shares));
            if (await Task.WhenAny(shares.Task, Task.Delay(TimeSpan.FromSeconds(5))).ConfigureAwait(false) != shares.Task)
            {
                continue;
            }

            foreach (var share in await shares.Task.ConfigureAwait(false))
            {
                byNode[share.Node] = byNode.TryGetValue(share.Node, out var sum)
                    ? sum with
                    {
                        Batches = sum.Batches + share.Batches,
                        Replications = sum.Replications + share.Replications,
                        Duplicates = sum.Duplicates + share.Duplicates,
                        Requeued = sum.Requeued + share.Requeued,
                        Lost = sum.Lost ?? share.Lost,
                    }
                    : share;
            }
        }

        _shares.Clear();
        _shares.AddRange(byNode.Values.OrderBy(s => s.Node, StringComparer.Ordinal));
    }

    private IActorRef MasterFor(ForecastRequest request)
    {
        var definition = ForecastJob.For(request, model, snapshotJson).Write();
        var hash = ForecastJob.Hash(definition);
        lock (_lock)
        {
            if (!_masters.TryGetValue(hash, out var master))
            {
                var jobId = string.Create(CultureInfo.InvariantCulture, $"{Guid.NewGuid().ToString("N")[..12]}-{++_jobs}");
                master = client.System.ActorOf(ForecastMaster.Props(jobId, hash, definition, _settings, request.Records as ForecastRecordStore), "forecast-" + jobId);
                _masters[hash] = master;
            }

            return master;
        }
    }
}
