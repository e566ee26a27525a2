namespace ActorSim.Cluster.Internal;

/// <summary>The names and dispatcher ids of a node's actors.</summary>
internal static class NodeActors
{
    /// <summary>The worker actor on every node with role worker: <c>/user/forecast-worker</c>.</summary>
    public const string WorkerName = "forecast-worker";

    /// <summary>The plant host on every node with role worker: <c>/user/plant-host</c>, which hosts lines of plants run from a client.</summary>
    public const string PlantHostName = "plant-host";

    /// <summary>The dispatcher replications run on (<c>cluster-config/cluster-node.conf</c>).</summary>
    public const string ReplicationDispatcherId = "actorsim.cluster.replication-dispatcher";
}
