namespace ActorSim.Cluster.Messages;

/// <summary>
/// Client → worker node's plant host: host lines <paramref name="Lines"/> of the run <paramref name="RunId"/>, described by
/// <paramref name="SpecJson"/> (a <c>RunSpec</c>), its sinks' chunk names carrying <paramref name="ChunkTags"/> (per sink; null: none).
/// With <paramref name="Checkpoints"/> the run takes checkpoints, and a line stopped from outside stores nothing more
/// (a restore rewrites its chunks). With <paramref name="Resumes"/> the run is restored from a checkpoint: each line's
/// egress state came before, in <see cref="LineStatePart"/>s.
/// </summary>
internal sealed record LinesOffered(string RunId, string SpecJson, int[] Lines, string?[] ChunkTags, bool Checkpoints = false, bool Resumes = false) : IClusterMessage;
