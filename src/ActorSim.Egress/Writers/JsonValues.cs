using System.Collections;
using System.Globalization;
using System.Text.Json;

namespace ActorSim.Egress.Writers;

/// <summary>Writes custom record values (scalars, dictionaries, lists) as JSON; NaN and infinities become null.</summary>
internal static class JsonValues
{
    /// <summary>True when <paramref name="value"/> is an object whose fields can be flattened into columns.</summary>
    public static bool IsObject(object? value) => value is IEnumerable<KeyValuePair<string, object?>> or IDictionary;

    /// <summary>The fields of an object value, in its enumeration order.</summary>
    public static IEnumerable<KeyValuePair<string, object?>> Fields(object value)
    {
        if (value is IEnumerable<KeyValuePair<string, object?>> fields)
        {
            return fields;
        }

        return ((IDictionary)value).Cast<DictionaryEntry>()
            .Select(e => new KeyValuePair<string, object?>(Convert.ToString(e.Key, CultureInfo.InvariantCulture) ?? string.Empty, e.Value));
    }

    /// <summary>Writes <paramref name="value"/> as a JSON value.</summary>
    public static void Write(Utf8JsonWriter json, object? value)
    {
        switch (value)
        {
            case null:
                json.WriteNullValue();
                break;
            case string s:
                json.WriteStringValue(s);
                break;
            case bool b:
                json.WriteBooleanValue(b);
                break;
            case double d:
                WriteNumber(json, d);
                break;
            case float f:
                WriteNumber(json, f);
                break;
            case long or int or short or sbyte or byte or ushort or uint:
                json.WriteNumberValue(Convert.ToInt64(value, CultureInfo.InvariantCulture));
                break;
            case ulong u:
                json.WriteNumberValue(u);
                break;
            case decimal m:
                json.WriteNumberValue(m);
                break;
            case DateTime t:
                json.WriteStringValue(FormatDateTime(t));
                break;
            case DateTimeOffset o:
                json.WriteStringValue(o.ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture));
                break;
            case Enum e:
                json.WriteStringValue(e.ToString());
                break;
            case var _ when IsObject(value):
                json.WriteStartObject();
                foreach (var field in Fields(value))
                {
                    json.WritePropertyName(field.Key);
                    Write(json, field.Value);
                }

                json.WriteEndObject();
                break;
            case IEnumerable items:
                json.WriteStartArray();
                foreach (var item in items)
                {
                    Write(json, item);
                }

                json.WriteEndArray();
                break;
            default:
                json.WriteStringValue(Convert.ToString(value, CultureInfo.InvariantCulture));
                break;
        }
    }

    /// <summary>Writes a number, or null for NaN and infinities (which JSON cannot hold).</summary>
    public static void WriteNumber(Utf8JsonWriter json, double value)
    {
        if (double.IsFinite(value))
        {
            json.WriteNumberValue(value);
        }
        else
        {
            json.WriteNullValue();
        }
    }

    /// <summary>ISO-8601 with milliseconds, <c>Z</c> for UTC, no zone for unspecified.</summary>
    public static string FormatDateTime(DateTime t) => t.Kind switch
    {
        DateTimeKind.Utc => t.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
        DateTimeKind.Local => t.ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture),
        _ => t.ToString("yyyy-MM-dd'T'HH:mm:ss.fff", CultureInfo.InvariantCulture),
    };
}
