namespace ActorSim.Actors.Messages;

/// <summary>An item sent over a link, as it travels between line actors and the coordinator (see <c>ItemShipment</c>).</summary>
/// <param name="Link">The link's name.</param>
/// <param name="SourceLine">The sending line's index.</param>
/// <param name="DestinationLine">The receiving line's index.</param>
/// <param name="Sequence">The sending line's count of items sent before this one.</param>
/// <param name="SentAt">The simulated time the item left.</param>
/// <param name="ArrivalTime">The simulated time it arrives.</param>
/// <param name="KeyPrefix">The item key's prefix (e.g. <c>part-</c>).</param>
/// <param name="KeyNumber">The item key's number, -1 for a key that is the prefix alone.</param>
/// <param name="Attributes">The item's attributes; empty for none.</param>
internal sealed record Shipment(
    string Link, int SourceLine, int DestinationLine, long Sequence, double SentAt, double ArrivalTime,
    string KeyPrefix, long KeyNumber, IReadOnlyList<ItemAttribute> Attributes);
