namespace ActorSim.Model.Plants.Internal;

/// <summary>
/// A line's items delivered in (arrival time, source line, sequence) order, of which only the earliest sits in the
/// simulation's event heap. A grant hands a line an hour of items at once; with all of them in the heap every event of
/// the line sifted through a deeper heap. Events run in the same order either way: an item enters the heap when the one
/// before it arrives, which is never after its own time.
/// </summary>
internal sealed class DeliveryInbox
{
    private readonly Queue<ItemShipment> _waiting = new();
    private ItemShipment? _last;

    /// <summary>
    /// Takes a delivered item. True: schedule it now (it is the earliest waiting, or it came out of order and bypasses
    /// the inbox); false: it waits behind the earlier ones and <see cref="Arrived"/> hands it over in its turn.
    /// </summary>
    public bool Accept(ItemShipment shipment)
    {
        if (_waiting.Count == 0)
        {
            _waiting.Enqueue(shipment);
            _last = shipment;
            return true;
        }

        if (DeliveryOrder.Compare(_last!, shipment) >= 0)
        {
            return true;
        }

        _waiting.Enqueue(shipment);
        _last = shipment;
        return false;
    }

    /// <summary>The items waiting their turn (the earliest of them is also in the simulation's schedule), for a snapshot.</summary>
    public IEnumerable<ItemShipment> Waiting => _waiting;

    /// <summary>Says <paramref name="shipment"/> has arrived; returns the next item to schedule, if it was the earliest waiting.</summary>
    public ItemShipment? Arrived(ItemShipment shipment)
    {
        if (_waiting.Count == 0 || !ReferenceEquals(_waiting.Peek(), shipment))
        {
            return null;
        }

        _waiting.Dequeue();
        if (_waiting.Count > 0)
        {
            return _waiting.Peek();
        }

        _last = null;
        return null;
    }
}
