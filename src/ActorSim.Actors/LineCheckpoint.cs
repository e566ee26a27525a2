using ActorSim.Egress.Destinations;

namespace ActorSim.Actors;

/// <summary>One line in a <see cref="RunCheckpoint"/>.</summary>
/// <param name="SimId">The line's id.</param>
/// <param name="Egress">Its sinks' state (<c>EgressCheckpointCodec</c>); empty when its sink is not an <see cref="ActorEgress"/>.</param>
/// <param name="Chunks">The chunks its sinks stored since the previous checkpoint (where a <see cref="ChunkQueue"/> logs them).</param>
public sealed record LineCheckpoint(string SimId, byte[] Egress, IReadOnlyList<ManifestChunk> Chunks);
