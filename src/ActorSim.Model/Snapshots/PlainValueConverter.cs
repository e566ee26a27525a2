using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ActorSim.Model.Snapshots;

/// <summary>
/// Reads and writes the untyped values of a snapshot (registry values, scenario values, item attributes) as plain JSON:
/// true/false, whole numbers as <see cref="long"/>, other numbers as <see cref="double"/>, strings, objects as ordinal
/// dictionaries and arrays as lists.
/// </summary>
internal sealed class PlainValueConverter : JsonConverter<object>
{
    public override object? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.True:
                return true;
            case JsonTokenType.False:
                return false;
            case JsonTokenType.String:
                return reader.GetString();
            case JsonTokenType.Number:
                return reader.TryGetInt64(out var whole) ? (object)whole : reader.GetDouble();
            case JsonTokenType.StartObject:
                var fields = new Dictionary<string, object>(StringComparer.Ordinal);
                while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
                {
                    var name = reader.GetString()!;
                    reader.Read();
                    fields[name] = Read(ref reader, typeof(object), options) ?? throw new JsonException($"'{name}' is null; values must not be null.");
                }

                return fields;
            case JsonTokenType.StartArray:
                var items = new List<object>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    items.Add(Read(ref reader, typeof(object), options) ?? throw new JsonException("An array holds null; values must not be null."));
                }

                return items;
            default:
                throw new JsonException($"A value must be true, false, a number, a string, an object or an array; {reader.TokenType} was found.");
        }
    }

    public override void Write(Utf8JsonWriter writer, object value, JsonSerializerOptions options)
    {
        switch (value)
        {
            case bool b:
                writer.WriteBooleanValue(b);
                break;
            case string s:
                writer.WriteStringValue(s);
                break;
            case long or int or short or byte or sbyte or uint or ushort:
                writer.WriteNumberValue(Convert.ToInt64(value, CultureInfo.InvariantCulture));
                break;
            case ulong u:
                writer.WriteNumberValue(u);
                break;
            case double d when double.IsFinite(d):
                writer.WriteNumberValue(d);
                break;
            case float f when float.IsFinite(f):
                writer.WriteNumberValue((double)f);
                break;
            case decimal m:
                writer.WriteNumberValue(m);
                break;
            case IReadOnlyDictionary<string, object> fields:
                writer.WriteStartObject();
                foreach (var (name, field) in fields)
                {
                    writer.WritePropertyName(name);
                    Write(writer, field, options);
                }

                writer.WriteEndObject();
                break;
            case System.Collections.IEnumerable items:
                writer.WriteStartArray();
                foreach (var item in items)
                {
                    Write(writer, item!, options);
                }

                writer.WriteEndArray();
                break;
            default:
                throw new JsonException($"A snapshot cannot hold the value {value} ({value.GetType().Name}): only true/false, finite numbers, strings, objects and arrays.");
        }
    }
}
