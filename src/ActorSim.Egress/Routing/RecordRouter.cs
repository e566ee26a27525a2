using ActorSim.Model.Records;

namespace ActorSim.Egress.Routing;

/// <summary>
/// Maps a record to its <see cref="Route"/>. Called on the publishing (engine) thread, once per record and sink, in
/// publication order, so it must be cheap and must not allocate per record; it may keep caches without locking.
/// </summary>
/// <param name="record">The record.</param>
/// <param name="logicalStart">The run's logical start, for routers that need the record's timestamp.</param>
public delegate Route RecordRouter(in SimRecord record, DateTime logicalStart);
