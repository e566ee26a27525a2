using ActorSim.Model.Building;

namespace ActorSim.Model.Plants.Internal;

/// <summary>The sequential runner's outbox: every line shares one simulation, so an item is delivered as it is sent.</summary>
internal sealed class DirectOutbox(IReadOnlyList<Line> lines) : IItemOutbox
{
    public void Send(ItemShipment shipment) => lines[shipment.DestinationLine].Deliver(shipment);
}
