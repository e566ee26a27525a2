using ActorSim.Actors.Serialization;
using ActorSim.Model.Plants;

namespace ActorSim.Actors.Internal;

/// <summary>
/// A line actor's outbox: keeps each sent item for the grant's report, checking at send time that it can cross the
/// wire (its attributes); it is converted only if its message is serialized.
/// </summary>
internal sealed class CollectingOutbox : IItemOutbox
{
    private readonly List<ItemShipment> _sent = [];

    public long Count { get; private set; }

    public void Send(ItemShipment shipment)
    {
        ShipmentConversion.CheckAttributes(shipment);
        _sent.Add(shipment);
        Count++;
    }

    public ItemShipment[] Drain()
    {
        if (_sent.Count == 0)
        {
            return [];
        }

        var items = _sent.ToArray();
        _sent.Clear();
        return items;
    }
}
