using ActorSim.Model.Records;

namespace ActorSim.Egress.Routing;

/// <summary>A predicate on a record, for <see cref="Routers.Where"/>: true keeps it.</summary>
/// <param name="record">The record.</param>
public delegate bool RecordFilter(in SimRecord record);
