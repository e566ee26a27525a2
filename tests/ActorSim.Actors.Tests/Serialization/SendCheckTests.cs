using ActorSim.Actors.Serialization;
using ActorSim.Model.Plants;
using ActorSim.Model.Records;

namespace ActorSim.Actors.Tests.Serialization;

/// <summary>A line actor refuses at send time an item that could not cross the wire, so a local run fails as a remote one would.</summary>
public sealed class SendCheckTests
{
    [Fact]
    public void An_item_with_wire_typed_attributes_passes()
    {
        ShipmentConversion.CheckAttributes(Shipment(new Dictionary<string, object> { ["grade"] = "B", ["passes"] = 2, ["score"] = 0.5f, ["reworked"] = true }));
        ShipmentConversion.CheckAttributes(new ItemShipment("ab", 0, 1, 0, 1.0, 2.0, new PlantItem(new RecordKey("part-", 8))));
    }

    [Fact]
    public void An_item_whose_attribute_has_no_wire_form_is_refused_naming_item_link_and_attribute()
    {
        var e = Assert.Throws<ArgumentException>(() => ShipmentConversion.CheckAttributes(Shipment(new Dictionary<string, object> { ["due"] = new DateTime(2026, 1, 1) })));

        Assert.Contains("Item part-7 over link 'ab' carries attribute 'due' of type DateTime", e.Message, StringComparison.Ordinal);
    }

    private static ItemShipment Shipment(Dictionary<string, object> attributes) =>
        new("ab", 0, 1, 0, 1.0, 2.0, new PlantItem(new RecordKey("part-", 7), attributes));
}
