using ActorSim.Egress;

namespace ActorSim.Snapshots.EventLogs.Internal;

/// <summary>
/// A chunk file to read: its path, run and format, and what the time bound needs to know about its name — the writer's
/// destination it belongs to (its chunks are numbered in time order) and the day of its <c>date=</c> folder.
/// </summary>
/// <param name="Path">Relative to the destination.</param>
/// <param name="RunId">The manifest's run; null without a manifest.</param>
/// <param name="Format">By extension; null when the name has neither (then the bytes decide).</param>
/// <param name="Stream">The path without the chunk number (<c>date=…/events.parquet</c>); null for a name that is not a chunk's.</param>
/// <param name="Day">The <c>date=YYYY-MM-DD</c> folder's day as days since 0001-01-01; null when there is none.</param>
internal sealed record ChunkFile(string Path, string? RunId, ChunkFormat? Format, string? Stream, int? Day);
