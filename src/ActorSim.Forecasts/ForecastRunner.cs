using System.Diagnostics;
using ActorSim.Engine;
using ActorSim.Forecasts.Kpis;
using ActorSim.Forecasts.Statistics;
using ActorSim.Model.Building;
using ActorSim.Model.Plants;
using ActorSim.Model.Random;
using ActorSim.Model.Records;
using ActorSim.Model.Snapshots;

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

    /// <summary>Runs <paramref name="request"/>; <paramref name="cancellation"/> stops it between replications.</summary>
    public static ForecastResult Run(ForecastRequest request, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Validate();
        var clock = Stopwatch.StartNew();
        var names = KpiNames(request.Plant, request.Alerts);
        var rows = new List<double[]>();
        var samples = new List<double[]>();
        RunRange(request, rows, samples, request.Replications, cancellation);
        return Result(request, names, rows, samples, clock.Elapsed);
    }

    /// <summary>
    /// Runs <paramref name="request"/> until every KPI of <paramref name="rule"/> is known to its target precision: the
    /// replications go in batches of <see cref="ForecastRequest.Replications"/>, and after each batch the rule is checked
    /// on the complete prefix 0 … n − 1, so the count at which it stops never depends on timing or workers.
    /// </summary>
    public static SequentialForecast RunUntilPrecise(ForecastRequest request, PrecisionRule rule, CancellationToken cancellation = default)
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
            RunRange(request, rows, samples, Math.Min(request.Replications, rule.MaxReplications - rows.Count), cancellation);
            var result = Result(request, names, rows, samples, clock.Elapsed);
            var (met, deciding, precision) = rule.Evaluate(result);
            if (met || rows.Count >= rule.MaxReplications)
            {
                return new SequentialForecast(result, met, deciding, precision);
            }
        }
    }

    /// <summary>Adds replications <c>rows.Count … rows.Count + count − 1</c> to <paramref name="rows"/>, in index order whatever the workers.</summary>
    private static void RunRange(ForecastRequest request, List<double[]> rows, List<double[]> samples, int count, CancellationToken cancellation)
    {
        var first = rows.Count;
        var batch = new double[count][];
        var sampled = new double[count][];
        Parallel.For(
            0, count, new ParallelOptions { MaxDegreeOfParallelism = request.Parallelism, CancellationToken = cancellation },
            () => new Replication(request),
            (i, _, replication) =>
            {
                (batch[i], sampled[i]) = replication.Run(first + i);
                return replication;
            },
            _ => { });
        rows.AddRange(batch);
        samples.AddRange(sampled);
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

    /// <summary>One worker's replications: its measures are reused from one to the next.</summary>
    private sealed class Replication(ForecastRequest request)
    {
        private readonly LineKpis[] _lines = request.Plant.Lines.Select(_ => new LineKpis()).ToArray();
        private readonly ResourceKpis[][] _resources = request.Plant.Lines
            .Select(l => l.ResourceNames.Select(r => Watching(new ResourceKpis(), request.Alerts, l.SimId, r)).ToArray()).ToArray();

        private static ResourceKpis Watching(ResourceKpis kpis, IReadOnlyList<QueueAlert> alerts, string line, string resource)
        {
            kpis.Watch(alerts.Where(a => a.Line == line && a.Resource == resource).Select(a => a.Threshold).ToArray());
            return kpis;
        }

        private readonly IReadOnlyList<double> _times = SampleTimes(request);
        private readonly int _series = SeriesNames(request.Plant).Count;

        public (double[] Row, double[] Samples) Run(int index)
        {
            var plant = request.Plant;
            var snapshot = request.Snapshot;
            var seed = ReplicationSeed(request.Seed, index);
            var simulation = new Simulation(snapshot?.AsOf ?? 0, snapshot?.Start);
            var lines = new Line[plant.Lines.Count];
            var outbox = new DirectOutbox(lines);
            for (var i = 0; i < lines.Length; i++)
            {
                var sink = request.Records?.Open(index, plant.Lines[i].SimId) ?? NullRecordSink.Instance;
                lines[i] = snapshot is null
                    ? plant.StartLine(i, simulation, sink, seed, outbox)
                    : plant.ResumeLine(i, simulation, sink, seed, outbox, snapshot.Lines[i], snapshot.Kind, continueStreams: false);
                _lines[i].Start(lines[i], snapshot?.Lines[i].Tasks.Count ?? 0);
                var r = 0;
                foreach (var resource in lines[i].Resources.Values)
                {
                    _resources[i][r++].Start(resource);
                }
            }

            foreach (var change in request.Changes)
            {
                var registry = lines[request.LineOf(change.Path)].Registry;
                if (change.After == 0)
                {
                    registry.Update(change.Path, change.Value);
                }
                else
                {
                    simulation.Process(ApplyLater(simulation, registry, change), "what-if " + change.Path);
                }
            }

            var start = simulation.Now;
            var end = start + request.HorizonSeconds;
            var samples = new double[_series * _times.Count];
            Sample(lines, samples, 0);
            simulation.Process(Sampling(simulation, lines, samples), "forecast bands");
            simulation.RunUntil(end);
            request.Records?.Close(index);
            Sample(lines, samples, _times.Count - 1);
            var row = new List<double>();
            for (var i = 0; i < lines.Length; i++)
            {
                var kpis = _lines[i];
                row.AddRange([kpis.Throughput, kpis.InLine, kpis.WaitMean(), kpis.WaitP95(), kpis.CycleMean()]);
                foreach (var resource in _resources[i])
                {
                    row.AddRange([resource.Utilization(end), resource.QueueMean(end), resource.QueueMax, resource.Queue - resource.QueueAtStart]);
                    for (var a = 0; a < resource.Watched; a++)
                    {
                        row.Add(resource.CrossedAfter(a));
                    }
                }
            }

            return ([.. row], samples);
        }

        /// <summary>Takes the samples of every band step between the start and the horizon (both are taken around the run).</summary>
        private IEnumerable<Event> Sampling(Simulation simulation, Line[] lines, double[] samples)
        {
            var start = simulation.Now;
            for (var point = 1; point < _times.Count - 1; point++)
            {
                yield return simulation.Delay(start + _times[point] - simulation.Now);
                Sample(lines, samples, point);
            }
        }

        private void Sample(Line[] lines, double[] samples, int point)
        {
            var series = 0;
            for (var i = 0; i < lines.Length; i++)
            {
                samples[(series++ * _times.Count) + point] = _lines[i].InLine;
                foreach (var resource in lines[i].Resources.Values)
                {
                    samples[(series++ * _times.Count) + point] = resource.QueueLength;
                    samples[(series++ * _times.Count) + point] = resource.InUse;
                }
            }
        }
    }

    private static IEnumerable<Event> ApplyLater(Simulation simulation, Model.Registry.ParameterRegistry registry, WhatIfChange change)
    {
        yield return simulation.Delay(change.After);
        registry.Update(change.Path, change.Value);
    }
}
