namespace ActorSim.Cluster.Messages;

/// <summary>
/// Client → worker node: the run has ended; report page <paramref name="Page"/> of what its lines here wrote (page 0
/// waits for their egress to drain). The node forgets the run once it has sent the last page.
/// </summary>
internal sealed record CollectLines(string RunId, int Page = 0) : IClusterMessage;
