using ActorSim.Model.Snapshots;
using ActorSim.Snapshots.EventLogs;

namespace ActorSim.Snapshots.Observed;

/// <summary>An observed snapshot rebuilt from an event log, with what was read to make it.</summary>
/// <param name="Snapshot">The snapshot.</param>
/// <param name="Selection">Which chunks were read, and why.</param>
/// <param name="RecordsRead">Records before the instant that were taken.</param>
/// <param name="Elapsed">Wall time to read and rebuild.</param>
public sealed record EventLogRebuildResult(ModelSnapshot Snapshot, EventLogSelection Selection, long RecordsRead, TimeSpan Elapsed);
