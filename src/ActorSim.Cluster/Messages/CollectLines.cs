namespace ActorSim.Cluster.Messages;

/// <summary>Client → worker node: the run has ended; report what its lines here wrote and forget the run.</summary>
internal sealed record CollectLines(string RunId) : IClusterMessage;
