using ActorSim.Model.Plants;
using ActorSim.Model.Records;

namespace ActorSim.Actors.Serialization;

/// <summary>
/// Turns an <see cref="ItemShipment"/> into its wire form and back (attributes become strings, integers, numbers or
/// flags), and checks at send time that an item's attributes have a wire form, so a run fails the same way whether its
/// lines share a process or not.
/// </summary>
internal static class ShipmentConversion
{
    public static ShipmentJson ToJson(ItemShipment s) => new(
        s.Link, s.SourceLine, s.DestinationLine, s.Sequence, s.SentAt, s.ArrivalTime,
        s.Item.Key.Prefix, s.Item.Key.Number, ToJson(s.Item.Attributes, s));

    public static ItemShipment ToModel(ShipmentJson s) => new(
        s.Link, s.SourceLine, s.DestinationLine, s.Sequence, s.SentAt, s.ArrivalTime,
        new PlantItem(new RecordKey(s.KeyPrefix, s.KeyNumber), ToModel(s.Attributes)));

    /// <summary>Throws naming the item, link and attribute when an attribute has no wire form; allocates nothing.</summary>
    public static void CheckAttributes(ItemShipment s)
    {
        if (s.Item.Attributes is not { Count: > 0 } attributes)
        {
            return;
        }

        foreach (var (name, value) in attributes)
        {
            if (value is not (string or bool or long or int or short or sbyte or uint or ushort or byte or double or float))
            {
                throw Unsupported(s, name, value);
            }
        }
    }

    private static ItemAttributeJson[] ToJson(IReadOnlyDictionary<string, object>? attributes, ItemShipment s)
    {
        if (attributes is null || attributes.Count == 0)
        {
            return [];
        }

        var result = new ItemAttributeJson[attributes.Count];
        var i = 0;
        foreach (var (name, value) in attributes)
        {
            result[i++] = value switch
            {
                string text => new ItemAttributeJson(name, Text: text),
                bool flag => new ItemAttributeJson(name, Flag: flag),
                long or int or short or sbyte or uint or ushort or byte => new ItemAttributeJson(name, Integer: Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture)),
                double number => new ItemAttributeJson(name, Number: number),
                float number => new ItemAttributeJson(name, Number: number),
                _ => throw Unsupported(s, name, value),
            };
        }

        return result;
    }

    private static ArgumentException Unsupported(ItemShipment s, string name, object? value) => new(
        $"Item {s.Item.Key} over link '{s.Link}' carries attribute '{name}' of type {value?.GetType().Name ?? "null"}; items crossing lines may carry only string, integer, floating-point or boolean attributes.");

    private static Dictionary<string, object>? ToModel(IReadOnlyList<ItemAttributeJson>? attributes)
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
