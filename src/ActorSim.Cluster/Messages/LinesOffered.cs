namespace ActorSim.Cluster.Messages;

/// <summary>
/// Client → worker node's plant host: host lines <paramref name="Lines"/> of the run <paramref name="RunId"/>, described by
/// <paramref name="SpecJson"/> (a <c>RunSpec</c>), its sinks' chunk names carrying <paramref name="ChunkTags"/> (per sink; null: none).
/// </summary>
internal sealed record LinesOffered(string RunId, string SpecJson, int[] Lines, string?[] ChunkTags) : IClusterMessage;
