using System.Diagnostics;
using ActorSim.Forecasts.Statistics;
using ActorSim.Model.Plants;
using ActorSim.Model.Random;

namespace ActorSim.Forecasts;

/// <summary>
/// Runs a forecast: each replication is the whole plant from the same state for the horizon, in one simulation on one
/// worker, measured as it runs (no records are written). Replication i draws from streams derived from the seed and i
/// alone (<see cref="ReplicationSeed"/>), and results are kept by index, so they are the same for any parallelism.
/// </summary>
public static class ForecastRunner
{
    private static readonly string[] LineKpiNames = ["throughput", "wip_end", "wait_mean", "wait_p95", "cycle_mean"];

    private static readonly string[] ResourceKpiNames = ["utilization", "queue_mean", "queue_max", "queue_growth"];

    /// <summary>The run seed of replication <paramref name="replication"/> of a forecast seeded with <paramref name="seed"/>: SplitMix-derived, independent of order.</summary>
    public static ulong ReplicationSeed(ulong seed, int replication) =>
        RandomStream.Create(seed, "forecast-replication-" + replication.ToString(System.Globalization.CultureInfo.InvariantCulture)).NextUInt64();

    /// <summary>
    /// Runs <paramref name="request"/> on <paramref name="executor"/> (default: this process's workers);
    /// <paramref name="cancellation"/> stops it between replications.
    /// </summary>
    public static ForecastResult Run(ForecastRequest request, CancellationToken cancellation = default, IReplicationExecutor? executor = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Validate();
        var clock = Stopwatch.StartNew();
        var names = KpiNames(request.Plant, request.Alerts);
        var rows = new List<double[]>();
        var samples = new List<double[]>();
        RunRange(executor ?? LocalReplicationExecutor.Instance, request, rows, samples, request.Replications, cancellation);
        return Result(request, names, rows, samples, clock.Elapsed);
    }

    /// <summary>
    /// Runs <paramref name="request"/> until every KPI of <paramref name="rule"/> is known to its target precision: the
    /// replications go in batches of <see cref="ForecastRequest.Replications"/>, and after each batch the rule is checked
    /// on the complete prefix 0 … n − 1, so the count at which it stops never depends on timing, workers or nodes.
    /// </summary>
    public static SequentialForecast RunUntilPrecise(ForecastRequest request, PrecisionRule rule, CancellationToken cancellation = default, IReplicationExecutor? executor = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(rule);
        request.Validate();
        var clock = Stopwatch.StartNew();
        var names = KpiNames(request.Plant, request.Alerts);
        rule.Check(names, request.Replications);
        var rows = new List<double[]>();
        var samples = new List<double[]>();
        while (true)
        {
            RunRange(executor ?? LocalReplicationExecutor.Instance, request, rows, samples, Math.Min(request.Replications, rule.MaxReplications - rows.Count), cancellation);
            var result = Result(request, names, rows, samples, clock.Elapsed);
            var (met, deciding, precision) = rule.Evaluate(result);
            if (met || rows.Count >= rule.MaxReplications)
            {
                return new SequentialForecast(result, met, deciding, precision);
            }
        }
    }

    /// <summary>Adds replications <c>rows.Count … rows.Count + count − 1</c> to <paramref name="rows"/>, in index order whatever ran them.</summary>
    private static void RunRange(IReplicationExecutor executor, ForecastRequest request, List<double[]> rows, List<double[]> samples, int count, CancellationToken cancellation)
    {
        var outcomes = executor.Run(request, rows.Count, count, cancellation);
        if (outcomes.Count != count)
        {
            throw new InvalidOperationException($"The executor returned {outcomes.Count} replications for {count} asked.");
        }

        foreach (var outcome in outcomes)
        {
            rows.Add(outcome.Row);
            samples.Add(outcome.Samples);
        }
    }

    /// <summary>The sampled series of <paramref name="plant"/>: per line its WIP, per resource its queue and units in use.</summary>
    public static IReadOnlyList<string> SeriesNames(PlantModel plant)
    {
        ArgumentNullException.ThrowIfNull(plant);
        var names = new List<string>();
        foreach (var line in plant.Lines)
        {
            names.Add($"{line.SimId}.wip");
            foreach (var resource in line.ResourceNames)
            {
                names.Add($"{line.SimId}.{resource}.queue");
                names.Add($"{line.SimId}.{resource}.in_use");
            }
        }

        return names;
    }

    /// <summary>The sampling times of <paramref name="request"/>: every band step from 0, and the horizon.</summary>
    public static IReadOnlyList<double> SampleTimes(ForecastRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var step = request.EffectiveBandStep;
        var times = new List<double>();
        for (var k = 0; k * step < request.HorizonSeconds; k++)
        {
            times.Add(k * step);
        }

        times.Add(request.HorizonSeconds);
        return times;
    }

    private static ForecastResult Result(ForecastRequest request, IReadOnlyList<string> names, List<double[]> rows, List<double[]> samples, TimeSpan elapsed)
    {
        var summaries = new List<(string, KpiSummary?)>(names.Count);
        for (var k = 0; k < names.Count; k++)
        {
            var defined = rows.Select(r => r[k]).Where(v => !double.IsNaN(v)).ToArray();
            summaries.Add((names[k], defined.Length == 0 ? null : KpiSummary.Of(defined)));
        }

        return new ForecastResult(names, rows.ToArray(), summaries, request.Snapshot?.AsOf ?? 0, elapsed)
        {
            Series = SeriesNames(request.Plant),
            SampleTimes = SampleTimes(request),
            Samples = samples.ToArray(),
        };
    }

    /// <summary>
    /// The KPI names of <paramref name="plant"/>: a single line's without its id, a plant's with each line's in front;
    /// per resource its utilization, queue mean, longest queue and growth (end − start), and each alert's first crossing.
    /// </summary>
    public static IReadOnlyList<string> KpiNames(PlantModel plant, IReadOnlyList<QueueAlert>? alerts = null)
    {
        ArgumentNullException.ThrowIfNull(plant);
        alerts ??= [];
        var names = new List<string>();
        foreach (var line in plant.Lines)
        {
            var prefix = plant.Lines.Count == 1 ? string.Empty : line.SimId + ".";
            names.AddRange(LineKpiNames.Select(n => prefix + n));
            foreach (var resource in line.ResourceNames)
            {
                names.AddRange(ResourceKpiNames.Select(n => $"{line.SimId}.{resource}.{n}"));
                names.AddRange(alerts.Where(a => a.Line == line.SimId && a.Resource == resource).Select(a => a.Kpi));
            }
        }

        return names;
    }
}

