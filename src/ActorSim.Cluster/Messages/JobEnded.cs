namespace ActorSim.Cluster.Messages;

/// <summary>Client → worker node: the job is over (finished, failed or stopped); drop what is left of it.</summary>
internal sealed record JobEnded(string JobId) : IClusterMessage;
