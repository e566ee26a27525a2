namespace ActorSim.Cluster;

/// <summary>What one worker node did for a forecast: batches it took, replications of its that were kept, duplicates, and replications taken back from it.</summary>
/// <param name="Node">The node's address.</param>
/// <param name="Batches">Batches it was given.</param>
/// <param name="Replications">Replications whose outcome came from it first (the kept ones).</param>
/// <param name="Duplicates">Outcomes it sent for replications another node had already delivered (checked equal and ignored).</param>
/// <param name="Requeued">Replications of its batches put back in the queue (it was lost, left, or its lease timed out).</param>
/// <param name="Lost">Why it was lost, if it was (unreachable, left, removed); null: it stayed to the end.</param>
public sealed record NodeShare(string Node, int Batches, int Replications, int Duplicates, int Requeued, string? Lost);
