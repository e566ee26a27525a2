namespace ActorSim.Cluster.Messages;

/// <summary>Worker node → client: the run's plant is built here and its lines may be deployed (<paramref name="Error"/> null), or why not.</summary>
internal sealed record LinesPrepared(string RunId, string? Error) : IClusterMessage;
