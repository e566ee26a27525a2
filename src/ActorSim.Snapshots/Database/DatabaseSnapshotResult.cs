using ActorSim.Model.Snapshots;

namespace ActorSim.Snapshots.Database;

/// <summary>An observed snapshot read from a database, with what was read to make it.</summary>
/// <param name="Snapshot">The snapshot (checked with <see cref="SnapshotValidator"/>).</param>
/// <param name="WipRows">Rows of the work-in-progress relation.</param>
/// <param name="ParameterRows">Rows of the parameter relation.</param>
/// <param name="ResourceRows">Rows of the resource relation; null when the default relation is absent.</param>
/// <param name="Elapsed">Wall time to connect, read and build.</param>
public sealed record DatabaseSnapshotResult(ModelSnapshot Snapshot, int WipRows, int ParameterRows, int? ResourceRows, TimeSpan Elapsed);
