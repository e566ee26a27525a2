using ActorSim.Actors.Messages;
using ActorSim.Model.Plants;

namespace ActorSim.Actors.Internal;

/// <summary>A line actor's outbox: converts each sent item to its message at send time and keeps it for the grant's report.</summary>
internal sealed class CollectingOutbox : IItemOutbox
{
    private readonly List<Shipment> _sent = [];

    public long Count { get; private set; }

    public void Send(ItemShipment shipment)
    {
        _sent.Add(ShipmentConversion.ToMessage(shipment));
        Count++;
    }

    public Shipment[] Drain()
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
