using System.Globalization;
using System.Text.RegularExpressions;

namespace ActorSim.Forecasts;

/// <summary>An alert threshold on a resource's queue: <c>Line_A.lathe.queue&gt;20</c>.</summary>
/// <param name="Line">The line's id.</param>
/// <param name="Resource">The resource's name.</param>
/// <param name="Threshold">The queue length the alert is about: it fires when the queue grows above it.</param>
public sealed partial record QueueAlert(string Line, string Resource, int Threshold)
{
    /// <summary>The KPI that holds the first crossing's time: <c>&lt;line&gt;.&lt;resource&gt;.first_queue_over_&lt;n&gt;</c> (seconds after the start; undefined when the queue never crossed).</summary>
    public string Kpi => string.Create(CultureInfo.InvariantCulture, $"{Line}.{Resource}.first_queue_over_{Threshold}");

    /// <summary>Reads <c>&lt;line&gt;.&lt;resource&gt;.queue&gt;&lt;n&gt;</c>; throws an <see cref="ArgumentException"/> saying the form.</summary>
    public static QueueAlert Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var match = Form().Match(text.Trim());
        return match.Success && int.TryParse(match.Groups["n"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var threshold)
            ? new QueueAlert(match.Groups["line"].Value, match.Groups["resource"].Value, threshold)
            : throw new ArgumentException($"'{text}' is not an alert: write <line>.<resource>.queue>N, e.g. Line_A.lathe.queue>20.", nameof(text));
    }

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Line}.{Resource}.queue>{Threshold}");

    [GeneratedRegex(@"^(?<line>[^.\s]+)\.(?<resource>[^.\s]+)\.queue\s*>\s*(?<n>\d+)$")]
    private static partial Regex Form();
}
