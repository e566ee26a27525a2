using ActorSim.Actors.Messages;
using ActorSim.Model.Plants;
using ActorSim.Model.Records;

namespace ActorSim.Actors.Internal;

/// <summary>Turns the engine's <see cref="ItemShipment"/> into the <see cref="Shipment"/> message and back; attributes become strings, integers, numbers or flags.</summary>
internal static class ShipmentConversion
{
    public static Shipment ToMessage(ItemShipment s) => new(
        s.Link, s.SourceLine, s.DestinationLine, s.Sequence, s.SentAt, s.ArrivalTime,
        s.Item.Key.Prefix, s.Item.Key.Number, ToMessage(s.Item.Attributes, s));

    public static ItemShipment ToModel(Shipment s) => new(
        s.Link, s.SourceLine, s.DestinationLine, s.Sequence, s.SentAt, s.ArrivalTime,
        new PlantItem(new RecordKey(s.KeyPrefix, s.KeyNumber), ToModel(s.Attributes)));

    public static Shipment[] ToMessages(IReadOnlyList<ItemShipment> shipments)
    {
        if (shipments.Count == 0)
        {
            return [];
        }

        var messages = new Shipment[shipments.Count];
        for (var i = 0; i < messages.Length; i++)
        {
            messages[i] = ToMessage(shipments[i]);
        }

        return messages;
    }

    public static ItemShipment[] ToModels(IReadOnlyList<Shipment> shipments)
    {
        if (shipments.Count == 0)
        {
            return [];
        }

        var models = new ItemShipment[shipments.Count];
        for (var i = 0; i < models.Length; i++)
        {
            models[i] = ToModel(shipments[i]);
        }

        return models;
    }

    private static ItemAttribute[] ToMessage(IReadOnlyDictionary<string, object>? attributes, ItemShipment s)
    {
        if (attributes is null || attributes.Count == 0)
        {
            return [];
        }

        var result = new ItemAttribute[attributes.Count];
        var i = 0;
        foreach (var (name, value) in attributes)
        {
            result[i++] = value switch
            {
                string text => new ItemAttribute(name, Text: text),
                bool flag => new ItemAttribute(name, Flag: flag),
                long or int or short or sbyte or uint or ushort or byte => new ItemAttribute(name, Integer: Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture)),
                double number => new ItemAttribute(name, Number: number),
                float number => new ItemAttribute(name, Number: number),
                _ => throw new ArgumentException(
                    $"Item {s.Item.Key} over link '{s.Link}' carries attribute '{name}' of type {value?.GetType().Name ?? "null"}; items crossing lines may carry only string, integer, floating-point or boolean attributes."),
            };
        }

        return result;
    }

    private static Dictionary<string, object>? ToModel(IReadOnlyList<ItemAttribute> attributes)
    {
        if (attributes is null || attributes.Count == 0)
        {
            return null;
        }

        var result = new Dictionary<string, object>(attributes.Count, StringComparer.Ordinal);
        foreach (var a in attributes)
        {
            result[a.Name] = (object?)a.Text ?? (object?)a.Integer ?? (object?)a.Number ?? a.Flag
                ?? throw new ArgumentException($"Attribute '{a.Name}' of an item in transit has no value.");
        }

        return result;
    }
}
