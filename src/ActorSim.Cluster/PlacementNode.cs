using Akka.Actor;

namespace ActorSim.Cluster;

/// <summary>A worker node lines may be placed on: its address and its roles (<c>actorsim node --roles</c>).</summary>
/// <param name="Address">The node's address.</param>
/// <param name="Roles">Its cluster roles.</param>
public sealed record PlacementNode(Address Address, IReadOnlyCollection<string> Roles);
