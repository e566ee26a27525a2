using System.Globalization;

namespace ActorSim.Blueprints.Internal;

/// <summary>Conversions of scalar text by the YAML 1.2 core schema (invariant culture, no locale surprises).</summary>
internal static class Scalars
{
    public static bool IsNull(string text) => text is "" or "~" or "null" or "Null" or "NULL";

    public static bool TryBool(string text, out bool value)
    {
        switch (text.Trim())
        {
            case "true" or "True" or "TRUE":
                value = true;
                return true;
            case "false" or "False" or "FALSE":
                value = false;
                return true;
            default:
                value = false;
                return false;
        }
    }

    public static bool TryInt(string text, out int value) =>
        int.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);

    public static bool TryULong(string text, out ulong value) =>
        ulong.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out value);

    /// <summary>A finite number (digits, sign, decimal point, exponent); "NaN" and "Infinity" are refused.</summary>
    public static bool TryNumber(string text, out double value) =>
        double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value)
        && IsNumeral(text.Trim());

    /// <summary>bool, then int (long when too large), then double, else the text itself.</summary>
    public static object Infer(string text)
    {
        if (TryBool(text, out var b))
        {
            return b;
        }

        var trimmed = text.Trim();
        if (long.TryParse(trimmed, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l))
        {
            return l is >= int.MinValue and <= int.MaxValue ? (object)(int)l : l;
        }

        return TryNumber(trimmed, out var d) ? d : text;
    }

    private static bool IsNumeral(string text) => text.Length > 0 && (char.IsAsciiDigit(text[^1]) || text[^1] == '.');
}
