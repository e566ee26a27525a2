namespace ActorSim.Cluster.Tests.Support;

/// <summary>Cluster tests form clusters of several actor systems: they run one after another, never beside each other.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ClusterCollection
{
    public const string Name = "cluster";
}
