namespace ActorSim.Model.Plants.Internal;

/// <summary>
/// Keeps a line's sent items until its next report (the outbox of every engine that advances lines by grants);
/// <c>check</c>, when given, sees each item as it is sent and may refuse it.
/// </summary>
internal sealed class BufferingOutbox(Action<ItemShipment>? check = null) : IItemOutbox
{
    private readonly List<ItemShipment> _sent = [];

    public void Send(ItemShipment shipment)
    {
        check?.Invoke(shipment);
        _sent.Add(shipment);
    }

    /// <summary>The items sent since the last <see cref="Drain"/>, in sending order (a live view).</summary>
    public IReadOnlyList<ItemShipment> Unreported => _sent;

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
