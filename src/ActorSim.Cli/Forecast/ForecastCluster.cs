using System.Globalization;
using ActorSim.Cluster;
using ActorSim.Runs;

namespace ActorSim.Cli.Forecast;

/// <summary>
/// <c>forecast --cluster</c>: this process joins the cluster as a client node (role client, no replications of its own)
/// and runs the replications on the worker nodes; at the end it says who did what and leaves.
/// </summary>
internal sealed class ForecastCluster : IAsyncDisposable
{
    private readonly ActorSimNode _node;
    private bool _finished;
    private Task? _leaving;

    private ForecastCluster(ActorSimNode node, ClusterReplicationExecutor executor)
    {
        _node = node;
        Executor = executor;
    }

    /// <summary>The executor ForecastRunner runs replications on.</summary>
    public ClusterReplicationExecutor Executor { get; }

    /// <summary>The forecast of <paramref name="model"/> from <paramref name="snapshotJson"/> on the cluster <paramref name="node"/> (a client node, <see cref="Node.ClientNode"/>) has joined; disposing it leaves.</summary>
    public static ForecastCluster Over(ActorSimNode node, ModelSource model, string? snapshotJson) =>
        new(node, new ClusterReplicationExecutor(node, model, snapshotJson));

    /// <summary>
    /// Ends the jobs on the workers and starts leaving the cluster, which takes a few gossip rounds and goes on while the
    /// outputs are written (disposing waits for it); one line per worker node: batches, replications kept, duplicates,
    /// re-queued, lost.
    /// </summary>
    public async Task<IReadOnlyList<string>> FinishAsync()
    {
        _finished = true;
        await Executor.DisposeAsync().ConfigureAwait(false);
        _leaving = Node.ClientNode.LeaveAsync(_node);
        return Executor.Shares.Select(s => string.Create(CultureInfo.InvariantCulture,
            $"worker {s.Node}: {s.Replications:N0} replications in {s.Batches:N0} batches, {s.Duplicates} duplicates ignored, {s.Requeued} re-queued{(s.Lost is null ? string.Empty : "; lost: " + s.Lost)}"))
            .ToArray();
    }

    /// <summary>Ends the jobs (if <see cref="FinishAsync"/> did not) and leaves the cluster (or waits until it has left).</summary>
    public async ValueTask DisposeAsync()
    {
        if (!_finished)
        {
            await Executor.DisposeAsync().ConfigureAwait(false);
        }

        await (_leaving ?? Node.ClientNode.LeaveAsync(_node)).ConfigureAwait(false);
    }
}
