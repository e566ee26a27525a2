using System.Text;
using System.Text.Json;
using ActorSim.Forecasts.Statistics;
using ActorSim.Model.Snapshots;

namespace ActorSim.Forecasts;

/// <summary>
/// A forecast's <c>summary.json</c>: what was forecast (model, snapshot, horizon, replications, seed), per KPI its
/// mean, standard deviation, 95 % interval, half-width, percentiles, minimum and maximum, the what-if scenarios with
/// their paired differences, and the verdict. Nothing in it depends on the machine or the number of workers (no timings), so
/// the same forecast writes the same bytes.
/// </summary>
public static class ForecastSummaryJson
{
    /// <summary>
    /// The summary of <paramref name="result"/> for <paramref name="request"/> as indented JSON, with each what-if
    /// scenario of <paramref name="scenarios"/> (its name, changes, KPIs and paired differences).
    /// </summary>
    public static string Write(ForecastRequest request, ForecastResult result, IReadOnlyList<ScenarioComparison>? scenarios = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(result);
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("format", "actorsim-forecast-summary");
            json.WriteNumber("version", 1);
            json.WriteStartObject("model");
            json.WriteString("name", request.ModelName);
            json.WriteString("fingerprint", ModelFingerprint.Of(request.Plant));
            json.WriteEndObject();
            Snapshot(json, request.Snapshot);
            json.WriteNumber("horizon_seconds", request.HorizonSeconds);
            json.WriteNumber("replications", request.Replications);
            json.WriteNumber("seed", request.Seed);
            json.WriteNumber("confidence", 0.95);
            Kpis(json, "kpis", result.Summaries);
            json.WriteStartArray("scenarios");
            foreach (var scenario in scenarios ?? [])
            {
                json.WriteStartObject();
                json.WriteString("name", scenario.Name);
                json.WriteStartArray("changes");
                foreach (var change in scenario.Changes)
                {
                    json.WriteStringValue(change.ToString());
                }

                json.WriteEndArray();
                Kpis(json, "kpis", scenario.Result.Summaries);
                Kpis(json, "differences", scenario.Differences);
                json.WriteEndObject();
            }

            json.WriteEndArray();

            Verdict(json, ForecastVerdict.Of(request, result));
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static void Snapshot(Utf8JsonWriter json, ModelSnapshot? snapshot)
    {
        if (snapshot is null)
        {
            json.WriteNull("snapshot");
            return;
        }

        json.WriteStartObject("snapshot");
        json.WriteString("kind", snapshot.Kind == SnapshotKind.Exact ? "exact" : "observed");
        json.WriteNumber("as_of", snapshot.AsOf);
        json.WriteString("as_of_timestamp", (snapshot.AsOfTimestamp ?? ActorSim.Engine.SimTime.ToInstant(snapshot.Start, snapshot.AsOf))
            .ToString("yyyy-MM-dd'T'HH:mm:ss.fff", System.Globalization.CultureInfo.InvariantCulture));
        json.WriteEndObject();
    }

    private static void Kpis(Utf8JsonWriter json, string name, IReadOnlyList<(string Kpi, KpiSummary? Summary)> summaries)
    {
        json.WriteStartObject(name);
        foreach (var (kpi, summary) in summaries)
        {
            json.WriteStartObject(kpi);
            json.WriteNumber("n", summary?.Count ?? 0);
            if (summary is not null)
            {
                Number(json, "mean", summary.Mean);
                Number(json, "std", summary.Std);
                json.WriteStartArray("ci95");
                Value(json, summary.CiLow);
                Value(json, summary.CiHigh);
                json.WriteEndArray();
                Number(json, "half_width", summary.HalfWidth);
                Number(json, "p5", summary.P5);
                Number(json, "p50", summary.P50);
                Number(json, "p95", summary.P95);
                Number(json, "min", summary.Min);
                Number(json, "max", summary.Max);
            }

            json.WriteEndObject();
        }

        json.WriteEndObject();
    }

    private static void Verdict(Utf8JsonWriter json, IReadOnlyList<ResourceVerdict> verdicts)
    {
        json.WriteStartArray("verdict");
        foreach (var verdict in verdicts)
        {
            json.WriteStartObject();
            json.WriteString("line", verdict.Line);
            json.WriteString("resource", verdict.Resource);
            json.WriteString("rule", verdict.Rule);
            json.WriteNumber("fired", verdict.Fired);
            json.WriteNumber("replications", verdict.Replications);
            json.WriteNumber("share", verdict.Share);
            json.WriteStartArray("wilson95");
            json.WriteNumberValue(verdict.Low);
            json.WriteNumberValue(verdict.High);
            json.WriteEndArray();
            if (verdict.MedianFirstCrossing is { } first)
            {
                json.WriteNumber("median_first_crossing_seconds", first);
            }

            json.WriteBoolean("bottleneck", verdict.IsBottleneck);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteString("headline", ForecastVerdict.Headline(verdicts));
    }

    private static void Number(Utf8JsonWriter json, string name, double value)
    {
        json.WritePropertyName(name);
        Value(json, value);
    }

    /// <summary>A number, or null where there is none (the interval of a single replication).</summary>
    private static void Value(Utf8JsonWriter json, double value)
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
}
