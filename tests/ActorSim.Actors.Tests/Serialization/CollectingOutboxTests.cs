using ActorSim.Actors.Internal;
using ActorSim.Model.Plants;
using ActorSim.Model.Records;

namespace ActorSim.Actors.Tests.Serialization;

/// <summary>A line actor's outbox keeps the items it sends as they are, and refuses at send time an item that could not cross the wire.</summary>
public sealed class CollectingOutboxTests
{
    [Fact]
    public void A_sent_item_is_kept_as_it_is_for_the_report()
    {
        var outbox = new CollectingOutbox();
        var item = Shipment(new Dictionary<string, object> { ["grade"] = "B", ["passes"] = 2, ["score"] = 0.5f, ["reworked"] = true });

        outbox.Send(item);

        Assert.Same(item, Assert.Single(outbox.Drain()));
        Assert.Empty(outbox.Drain());
        Assert.Equal(1, outbox.Count);
    }

    [Fact]
    public void An_item_whose_attribute_has_no_wire_form_is_refused_at_send_naming_item_link_and_attribute()
    {
        var outbox = new CollectingOutbox();

        var e = Assert.Throws<ArgumentException>(() => outbox.Send(Shipment(new Dictionary<string, object> { ["due"] = new DateTime(2026, 1, 1) })));

        Assert.Contains("Item part-7 over link 'ab' carries attribute 'due' of type DateTime", e.Message, StringComparison.Ordinal);
        Assert.Empty(outbox.Drain());
    }

    private static ItemShipment Shipment(Dictionary<string, object> attributes) =>
        new("ab", 0, 1, 0, 1.0, 2.0, new PlantItem(new RecordKey("part-", 7), attributes));
}
