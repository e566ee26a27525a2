using System.Globalization;
using ActorSim.Engine;
using ActorSim.Forecasts.Statistics;

namespace ActorSim.Forecasts;

/// <summary>
/// The verdict of a forecast: per resource, the share of replications whose queue crossed its alert threshold (or, for
/// a resource without one, whose queue grew through the horizon or whose utilization passed 95 %), with a 95 % Wilson
/// interval and the median time of the first crossing; and one line naming the bottleneck.
/// </summary>
public static class ForecastVerdict
{
    /// <summary>Utilization above which the default rule fires.</summary>
    public const double UtilizationLimit = 0.95;

    /// <summary>The verdict per resource for <paramref name="result"/> of <paramref name="request"/>, the most often fired first.</summary>
    public static IReadOnlyList<ResourceVerdict> Of(ForecastRequest request, ForecastResult result)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(result);
        var column = result.Kpis.Select((name, index) => (name, index)).ToDictionary(p => p.name, p => p.index, StringComparer.Ordinal);
        var verdicts = new List<ResourceVerdict>();
        foreach (var line in request.Plant.Lines)
        {
            foreach (var resource in line.ResourceNames)
            {
                var alerts = request.Alerts.Where(a => a.Line == line.SimId && a.Resource == resource).ToArray();
                if (alerts.Length == 0)
                {
                    var utilization = column[$"{line.SimId}.{resource}.utilization"];
                    var growth = column[$"{line.SimId}.{resource}.queue_growth"];
                    var fired = result.Rows.Count(r => r[utilization] > UtilizationLimit || r[growth] > 0);
                    verdicts.Add(Verdict(line.SimId, resource, "queue grows or utilization > 95 %", fired, result.Rows.Count, null));
                    continue;
                }

                foreach (var alert in alerts)
                {
                    var crossings = result.Rows.Select(r => r[column[alert.Kpi]]).Where(t => !double.IsNaN(t)).Order().ToArray();
                    verdicts.Add(Verdict(line.SimId, resource, $"queue > {alert.Threshold}", crossings.Length, result.Rows.Count, crossings.Length > 0 ? Percentile.Of(crossings, 0.5) : null));
                }
            }
        }

        return verdicts.OrderByDescending(v => v.Fired).ThenBy(v => v.Line, StringComparer.Ordinal).ThenBy(v => v.Resource, StringComparer.Ordinal).ToArray();
    }

    /// <summary>One line per verdict: <c>lathe: queue &gt; 20 in 83 % of replications [80 %, 86 %], first at +2h40m (median) → bottleneck</c>.</summary>
    public static string Describe(ResourceVerdict verdict)
    {
        ArgumentNullException.ThrowIfNull(verdict);
        var first = verdict.MedianFirstCrossing is { } seconds ? $", first at +{SimTime.Format(seconds)} (median)" : string.Empty;
        return string.Create(CultureInfo.InvariantCulture,
            $"{verdict.Line}.{verdict.Resource}: {verdict.Rule} in {verdict.Share:0%} of replications [{verdict.Low:0%}, {verdict.High:0%}]{first}{(verdict.IsBottleneck ? " → bottleneck" : string.Empty)}");
    }

    /// <summary>The headline: the bottleneck, or that none is expected.</summary>
    public static string Headline(IReadOnlyList<ResourceVerdict> verdicts)
    {
        ArgumentNullException.ThrowIfNull(verdicts);
        var bottleneck = verdicts.FirstOrDefault(v => v.IsBottleneck);
        return bottleneck is null
            ? "verdict: no bottleneck expected (no rule fires in most replications)"
            : $"verdict: {bottleneck.Line}.{bottleneck.Resource} is the bottleneck ({bottleneck.Rule} in {bottleneck.Share.ToString("0%", CultureInfo.InvariantCulture)} of replications)";
    }

    private static ResourceVerdict Verdict(string line, string resource, string rule, int fired, int replications, double? medianFirst)
    {
        var (low, high) = WilsonInterval.Of(fired, replications);
        return new ResourceVerdict(line, resource, rule, fired, replications, low, high, medianFirst);
    }
}
