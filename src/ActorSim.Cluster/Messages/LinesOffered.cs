namespace ActorSim.Cluster.Messages;

/// <summary>
/// Client → worker node's plant host: host lines <paramref name="Lines"/> of the run <paramref name="RunId"/>, described by
/// <paramref name="SpecJson"/> (a <c>RunSpec</c>), its sinks' chunk names carrying <paramref name="ChunkTags"/> (per sink; null: none).
/// A run restored from a checkpoint gives, per line of <paramref name="Lines"/>, its egress state in <paramref name="Resume"/>
/// (<c>EgressCheckpointCodec</c>; empty: none); null: the lines start afresh. With <paramref name="Checkpoints"/> the run
/// takes checkpoints, and a line stopped from outside stores nothing more (a restore rewrites its chunks).
/// </summary>
internal sealed record LinesOffered(string RunId, string SpecJson, int[] Lines, string?[] ChunkTags, byte[][]? Resume = null, bool Checkpoints = false) : IClusterMessage;
