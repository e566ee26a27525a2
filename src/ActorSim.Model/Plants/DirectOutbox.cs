using ActorSim.Model.Building;

namespace ActorSim.Model.Plants;

/// <summary>
/// The outbox of lines that share one simulation (the sequential runner, a forecast's replication): an item is
/// delivered to its destination line, in <paramref name="lines"/> (the plant's order), as it is sent.
/// </summary>
public sealed class DirectOutbox(IReadOnlyList<Line> lines) : IItemOutbox
{
    /// <inheritdoc />
    public void Send(ItemShipment shipment) => lines[shipment.DestinationLine].Deliver(shipment);
}
