namespace ActorSim.Cluster.Messages;

/// <summary>A message between cluster nodes, written by <see cref="Serialization.ClusterMessageSerializer"/> (bound in <c>cluster-config/cluster-node.conf</c>).</summary>
internal interface IClusterMessage
{
}
