using ActorSim.Model.Snapshots;

namespace ActorSim.Actors;

/// <summary>
/// A consistent checkpoint of a plant run: every line at one instant, taken between grants. <see cref="Snapshot"/> is
/// the exact snapshot (items in transit included); each line adds its egress state and the chunks it stored since the
/// previous checkpoint. A run restored from it writes what the original would have, chunk for chunk.
/// </summary>
/// <param name="Snapshot">The exact snapshot at the checkpoint's instant.</param>
/// <param name="Lines">Per line, in the plant's order.</param>
public sealed record RunCheckpoint(ModelSnapshot Snapshot, IReadOnlyList<LineCheckpoint> Lines);
