namespace ActorSim.Actors.Serialization;

/// <summary>
/// An <see cref="ActorSim.Model.Plants.ItemShipment"/> as it is written on the wire (only when a message is
/// serialized: between nodes, or with <c>serialize-messages</c>); in one process the shipment itself travels.
/// </summary>
/// <param name="Link">The link's name.</param>
/// <param name="SourceLine">The sending line's index.</param>
/// <param name="DestinationLine">The receiving line's index.</param>
/// <param name="Sequence">The sending line's count of items sent before this one.</param>
/// <param name="SentAt">The simulated time the item left.</param>
/// <param name="ArrivalTime">The simulated time it arrives.</param>
/// <param name="KeyPrefix">The item key's prefix (e.g. <c>part-</c>).</param>
/// <param name="KeyNumber">The item key's number, -1 for a key that is the prefix alone.</param>
/// <param name="Attributes">The item's attributes; empty for none.</param>
internal sealed record ShipmentJson(
    string Link, int SourceLine, int DestinationLine, long Sequence, double SentAt, double ArrivalTime,
    string KeyPrefix, long KeyNumber, IReadOnlyList<ItemAttributeJson> Attributes);
