using System.Text.Json;
using System.Text.Json.Serialization;
using ActorSim.Model.Plants;

namespace ActorSim.Actors.Serialization;

/// <summary>Writes an <see cref="ItemShipment"/> in its wire form (<see cref="ShipmentJson"/>) and reads it back: the one conversion of an item between engine and wire.</summary>
internal sealed class ItemShipmentConverter : JsonConverter<ItemShipment>
{
    public override ItemShipment Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        ShipmentConversion.ToModel(JsonSerializer.Deserialize<ShipmentJson>(ref reader, options)
            ?? throw new JsonException("An item in transit is null."));

    public override void Write(Utf8JsonWriter writer, ItemShipment value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        JsonSerializer.Serialize(writer, ShipmentConversion.ToJson(value), options);
    }
}
