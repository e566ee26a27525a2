using ActorSim.Model.Plants;

namespace ActorSim.Model.Tests.Support;

/// <summary>An outbox that keeps every shipment, for tests that start a plant line by hand.</summary>
internal sealed class CapturingOutbox : IItemOutbox
{
    public List<ItemShipment> Sent { get; } = [];

    public void Send(ItemShipment shipment) => Sent.Add(shipment);
}
