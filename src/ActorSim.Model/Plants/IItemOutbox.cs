namespace ActorSim.Model.Plants;

/// <summary>Where a line in a plant publishes the items it sends; the runner decides how and when they are delivered.</summary>
public interface IItemOutbox
{
    /// <summary>Takes one shipment, called on the sending line's engine thread at the send time.</summary>
    void Send(ItemShipment shipment);
}
