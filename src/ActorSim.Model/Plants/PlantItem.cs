using ActorSim.Model.Records;

namespace ActorSim.Model.Plants;

/// <summary>A part travelling between lines: its event key, kept by every task it starts, and optional attributes.</summary>
/// <param name="Key">The key its lifecycle events carry on every line.</param>
/// <param name="Attributes">Attributes set by the links it went over; null for none.</param>
public sealed record PlantItem(RecordKey Key, IReadOnlyDictionary<string, object>? Attributes = null);
