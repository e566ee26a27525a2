namespace ActorSim.Model.Plants;

/// <summary>
/// An item sent over a link: what a line publishes to its <see cref="IItemOutbox"/> and what a runner delivers to
/// the destination line. Deliveries at equal <see cref="ArrivalTime"/> run in (<see cref="SourceLine"/>,
/// <see cref="Sequence"/>) order.
/// </summary>
/// <param name="Link">The link's name.</param>
/// <param name="SourceLine">The sending line's index in the plant.</param>
/// <param name="DestinationLine">The receiving line's index in the plant.</param>
/// <param name="Sequence">The sending line's count of items sent before this one (0, 1, 2, ...).</param>
/// <param name="SentAt">The simulated time the item left.</param>
/// <param name="ArrivalTime">The simulated time the item arrives (at least <paramref name="SentAt"/> + the link's lookahead).</param>
/// <param name="Item">The item.</param>
public sealed record ItemShipment(string Link, int SourceLine, int DestinationLine, long Sequence, double SentAt, double ArrivalTime, PlantItem Item);
