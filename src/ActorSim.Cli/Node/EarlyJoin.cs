using ActorSim.Cluster;

namespace ActorSim.Cli.Node;

/// <summary>
/// A client node started on another thread as soon as the command knows its seeds, so that Akka's start, remoting and
/// the join's gossip overlap reading the model and the state. <see cref="TakeAsync"/> hands the node over; a node never
/// taken (the command failed first) leaves the cluster on disposal.
/// </summary>
internal sealed class EarlyJoin(IReadOnlyList<string> seeds, string? host, string? configFile) : IAsyncDisposable
{
    private readonly Task<ActorSimNode> _joining = Task.Run(() => ClientNode.Join(seeds, host, configFile));
    private bool _taken;

    /// <summary>The node, once started; a bad <c>--cluster-config</c> is thrown here as the usage error it is.</summary>
    public async Task<ActorSimNode> TakeAsync()
    {
        var node = await _joining.ConfigureAwait(false);
        _taken = true;
        return node;
    }

    public async ValueTask DisposeAsync()
    {
        if (_taken)
        {
            return;
        }

        try
        {
            await ClientNode.LeaveAsync(await _joining.ConfigureAwait(false)).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // The command failed already and says why; a node that did not start has nothing to leave.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }
}
