using System.Globalization;
using ActorSim.Model.Time;

namespace ActorSim.Forecasts;

/// <summary>A change a what-if scenario makes: a registry value, at a time after the forecast's start (0: from the start).</summary>
/// <param name="Path">The registry path, e.g. <c>Line_A.resources.lathe.current_cap</c>; its first segment names the line.</param>
/// <param name="Value">The new value (a whole number, a number, true/false or text).</param>
/// <param name="After">Simulated seconds after the forecast's start at which it applies.</param>
public sealed record WhatIfChange(string Path, object Value, double After)
{
    /// <summary>Reads <c>path=value</c> or <c>path=value@time</c> (time a duration: <c>1h</c>, <c>90 mins</c>); throws an <see cref="ArgumentException"/> saying the form.</summary>
    public static WhatIfChange Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var equals = text.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0)
        {
            throw Malformed(text);
        }

        var path = text[..equals].Trim();
        var rest = text[(equals + 1)..];
        var at = rest.LastIndexOf('@');
        var after = 0.0;
        if (at >= 0)
        {
            if (!Durations.TryParseSeconds(rest[(at + 1)..].Trim(), out after) || !(after >= 0))
            {
                throw new ArgumentException($"'{text}': '{rest[(at + 1)..]}' is not a time after the start (a duration such as 1h or 90 mins).", nameof(text));
            }

            rest = rest[..at];
        }

        var value = rest.Trim();
        if (path.Length == 0 || value.Length == 0)
        {
            throw Malformed(text);
        }

        return new WhatIfChange(path, ValueOf(value), after);
    }

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Path}={Convert.ToString(Value, CultureInfo.InvariantCulture)}{(After > 0 ? "@" + Engine.SimTime.Format(After) : string.Empty)}");

    private static object ValueOf(string text) =>
        long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole) ? whole
        : double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? number
        : bool.TryParse(text, out var flag) ? flag
        : text;

    private static ArgumentException Malformed(string text) =>
        new($"'{text}' is not a change: write <registry path>=<value>[@<time after the start>], e.g. Line_A.resources.lathe.current_cap=6@1h.", nameof(text));
}
