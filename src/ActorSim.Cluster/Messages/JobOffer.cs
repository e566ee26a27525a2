namespace ActorSim.Cluster.Messages;

/// <summary>Client → worker node: a forecast job is open; its definition has this content hash (the node asks for it unless it holds it).</summary>
internal sealed record JobOffer(string JobId, string JobHash) : IClusterMessage;
