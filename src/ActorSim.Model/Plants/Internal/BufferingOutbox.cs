namespace ActorSim.Model.Plants.Internal;

/// <summary>Keeps a line's sent items until the end of its round, when they go into its report.</summary>
internal sealed class BufferingOutbox : IItemOutbox
{
    private readonly List<ItemShipment> _sent = [];

    public void Send(ItemShipment shipment) => _sent.Add(shipment);

    public IReadOnlyList<ItemShipment> Drain()
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
