using Akka.Actor;

namespace ActorSim.Cluster.Internal;

/// <summary>A worker node left the cluster's Up members while the client waited for its answer.</summary>
internal sealed class NodeLostException(Address node)
    : Exception($"worker node {node} was lost before it answered");
