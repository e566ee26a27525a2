using ActorSim.Cluster.Internal;
using ActorSim.Egress.Storage;
using Akka.Actor;

namespace ActorSim.Cluster;

/// <summary>
/// One ActorSim process in the cluster: an actor system on Akka.Cluster that joins the seed nodes (or starts a cluster
/// of its own), logs membership, and — with role worker — offers its replication threads to forecasts
/// (<c>/user/forecast-worker</c>) and hosts lines of plants run from a client (<c>/user/plant-host</c>).
/// <see cref="LeaveAsync"/> leaves through coordinated shutdown.
/// </summary>
/// <example><code>
/// await using var node = ActorSimNode.Start(new ClusterNodeSettings { Port = 4053, SeedNodes = ["127.0.0.1:4053"] });
/// await node.WhenUp;
/// </code></example>
public sealed class ActorSimNode : IAsyncDisposable
{
    private readonly TaskCompletionSource _up = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ActorSimNode(ActorSystem system, int replicationThreads)
    {
        System = system;
        ReplicationThreads = replicationThreads;
        Cluster.RegisterOnMemberUp(() => _up.TrySetResult());
        Cluster.RegisterOnMemberRemoved(() => _up.TrySetException(new ClusterForecastException($"The node {Address} was removed from the cluster before it was up.")));
    }

    /// <summary>The node's actor system.</summary>
    public ActorSystem System { get; }

    /// <summary>The node's address (<c>akka.tcp://actorsim@host:port</c>).</summary>
    public Address Address => Cluster.SelfAddress;

    /// <summary>Threads this node runs replications on (when it has role worker).</summary>
    public int ReplicationThreads { get; }

    /// <summary>Completes when the cluster has this node as Up.</summary>
    public Task WhenUp => _up.Task;

    /// <summary>Completes when the node's actor system has terminated (it left, or the cluster downed it).</summary>
    public Task WhenTerminated => System.WhenTerminated;

    private Akka.Cluster.Cluster Cluster => Akka.Cluster.Cluster.Get(System);

    /// <summary>Starts a node as <paramref name="settings"/> say; a bad setting or configuration file throws an <see cref="ArgumentException"/> naming it.</summary>
    public static ActorSimNode Start(ClusterNodeSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var config = settings.ToConfig();
        var threads = ClusterNodeSettings.ReplicationThreads(config);
        var system = ActorSystem.Create(ClusterNodeSettings.SystemName, config);
        var node = new ActorSimNode(system, threads);
        system.ActorOf(MembershipLogger.Props(), "membership");
        if (node.Cluster.SelfRoles.Contains(ClusterNodeSettings.WorkerRole))
        {
            var stores = settings.Stores ?? (location => ObjectStoreLocation.Parse(location).CreateStore(null));
            system.ActorOf(WorkerNodeActor.Props(threads, stores), NodeActors.WorkerName);
            system.ActorOf(PlantHostActor.Props(stores), NodeActors.PlantHostName);
        }

        if (config.GetStringList("akka.cluster.seed-nodes").Count == 0)
        {
            node.Cluster.Join(node.Cluster.SelfAddress);
        }

        return node;
    }

    /// <summary>Leaves the cluster and terminates the system (coordinated shutdown: the node leaves before it stops).</summary>
    public Task LeaveAsync() => CoordinatedShutdown.Get(System).Run(CoordinatedShutdown.ClusterLeavingReason.Instance);

    /// <summary>Leaves, as <see cref="LeaveAsync"/>, and waits for the system to terminate.</summary>
    public async ValueTask DisposeAsync()
    {
        await LeaveAsync().ConfigureAwait(false);
        await System.WhenTerminated.ConfigureAwait(false);
    }
}
