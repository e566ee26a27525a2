using System.Globalization;
using System.Text.Json;

namespace ActorSim.Model.Registry;

/// <summary>
/// Safe conversions of update values to a path's type: "5" → 5, "5.0" → 5, 5 → 5.0, 5.0 → 5, "true" → true.
/// Anything that would lose information (2.5 → int, a value beyond 64 bits → int, "abc" → double, 1 → bool) is refused.
/// </summary>
internal static class ValueConversion
{
    /// <summary>long.MinValue, -2^63, exactly; 2^63 = -LongMin is the first double above the whole-number range.</summary>
    private const double LongMin = -9223372036854775808.0;

    /// <summary>Converts <paramref name="value"/> to <paramref name="type"/>; returns the refusal reason or null.</summary>
    public static string? TryConvert(object? value, ParameterType type, out object converted)
    {
        converted = null!;
        if (value is JsonElement json)
        {
            value = Unwrap(json);
        }

        switch (value)
        {
            case null:
                return "a value is required (null given)";
            case string text:
                return FromText(text.Trim(), type, out converted);
        }

        switch (type)
        {
            case ParameterType.Bool:
                if (value is bool b)
                {
                    converted = b;
                    return null;
                }

                return $"a {Describe(value)} cannot become true/false";
            case ParameterType.Int:
                return ToInt(value, out converted);
            case ParameterType.Double:
                return ToDouble(value, out converted);
            default:
                if (value is bool or sbyte or byte or short or ushort or int or uint or long or ulong or float or double or decimal)
                {
                    converted = Convert.ToString(value, CultureInfo.InvariantCulture)!;
                    return null;
                }

                return $"a {Describe(value)} cannot become text";
        }
    }

    private static string? FromText(string text, ParameterType type, out object converted)
    {
        converted = null!;
        switch (type)
        {
            case ParameterType.String:
                converted = text;
                return null;
            case ParameterType.Bool:
                if (bool.TryParse(text, out var b))
                {
                    converted = b;
                    return null;
                }

                return $"the text \"{text}\" is not true or false";
            case ParameterType.Int:
                if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var l))
                {
                    converted = l;
                    return null;
                }

                return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d)
                    ? ToInt(d, out converted)
                    : $"the text \"{text}\" is not a whole number";
            default:
                return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var x)
                    ? ToDouble(x, out converted)
                    : $"the text \"{text}\" is not a number";
        }
    }

    private static string? ToInt(object value, out object converted)
    {
        converted = null!;
        switch (value)
        {
            case sbyte or byte or short or ushort or int or uint or long:
                converted = Convert.ToInt64(value, CultureInfo.InvariantCulture);
                return null;
            case ulong u when u <= long.MaxValue:
                converted = (long)u;
                return null;
            case ulong u:
                return OutsideLong(u.ToString(CultureInfo.InvariantCulture));
            case decimal m:
                if (decimal.Truncate(m) != m)
                {
                    return $"{m.ToString(CultureInfo.InvariantCulture)} is not a whole number";
                }

                if (m < long.MinValue || m > long.MaxValue)
                {
                    return OutsideLong(m.ToString(CultureInfo.InvariantCulture));
                }

                converted = (long)m;
                return null;
            case float or double:
                var d = Convert.ToDouble(value, CultureInfo.InvariantCulture);
                if (!double.IsFinite(d))
                {
                    return $"{d} is not a finite number";
                }

                if (Math.Floor(d) != d)
                {
                    return $"{d.ToString(CultureInfo.InvariantCulture)} is not a whole number";
                }

                // 2^63 is a double but not a long: (long)2^63 would wrap around to long.MinValue.
                if (d < LongMin || d >= -LongMin)
                {
                    return OutsideLong(d.ToString(CultureInfo.InvariantCulture));
                }

                converted = (long)d;
                return null;
            default:
                return $"a {Describe(value)} cannot become a whole number";
        }
    }

    private static string OutsideLong(string shown) =>
        $"{shown} lies outside the whole-number range (64-bit: {long.MinValue} to {long.MaxValue})";

    private static string? ToDouble(object value, out object converted)
    {
        converted = null!;
        if (value is sbyte or byte or short or ushort or int or uint or long or ulong or float or double or decimal)
        {
            var d = Convert.ToDouble(value, CultureInfo.InvariantCulture);
            if (!double.IsFinite(d))
            {
                return $"{d.ToString(CultureInfo.InvariantCulture)} is not a finite number";
            }

            converted = d;
            return null;
        }

        return $"a {Describe(value)} cannot become a number";
    }

    private static object? Unwrap(JsonElement json) => json.ValueKind switch
    {
        JsonValueKind.String => json.GetString(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Number when json.TryGetInt64(out var l) => l,
        JsonValueKind.Number => json.GetDouble(),
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        _ => json.GetRawText(),
    };

    private static string Describe(object value) => value switch
    {
        bool => "true/false value",
        _ => value.GetType().Name,
    };

    /// <summary>The type a variable's initial value gives its path; throws for unsupported values.</summary>
    public static ParameterType TypeOfVariable(string path, object value) => value switch
    {
        bool => ParameterType.Bool,
        sbyte or byte or short or ushort or int or uint or long => ParameterType.Int,
        float or double or decimal => ParameterType.Double,
        string => ParameterType.String,
        _ => throw new ArgumentException($"Variable '{path}' has a value of type {value.GetType().Name}; variables hold bool, int, long, double or string."),
    };
}
