using ActorSim.Engine;
using ActorSim.Forecasts.Kpis;
using ActorSim.Model.Building;
using ActorSim.Model.Plants;
using ActorSim.Model.Records;

namespace ActorSim.Forecasts;

/// <summary>
/// Runs replications of one forecast, one at a time, on the thread that calls it: its measures are reused from one
/// replication to the next. Replication i is the same whichever worker, thread or node runs it.
/// </summary>
public sealed class ForecastWorker(ForecastRequest request)
{
    private readonly LineKpis[] _lines = request.Plant.Lines.Select(_ => new LineKpis()).ToArray();
    private readonly ResourceKpis[][] _resources = request.Plant.Lines
        .Select(l => l.ResourceNames.Select(r => Watching(new ResourceKpis(), request.Alerts, l.SimId, r)).ToArray()).ToArray();

    private readonly IReadOnlyList<double> _times = ForecastRunner.SampleTimes(request);
    private readonly int _series = ForecastRunner.SeriesNames(request.Plant).Count;

    private static ResourceKpis Watching(ResourceKpis kpis, IReadOnlyList<QueueAlert> alerts, string line, string resource)
    {
        kpis.Watch(alerts.Where(a => a.Line == line && a.Resource == resource).Select(a => a.Threshold).ToArray());
        return kpis;
    }

    /// <summary>Runs replication <paramref name="index"/> of the forecast: its KPI row and its band samples.</summary>
    public ReplicationOutcome Run(int index)
    {
        var plant = request.Plant;
        var snapshot = request.Snapshot;
        var seed = ForecastRunner.ReplicationSeed(request.Seed, index);
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

        return new ReplicationOutcome([.. row], samples);
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

    private static IEnumerable<Event> ApplyLater(Simulation simulation, Model.Registry.ParameterRegistry registry, WhatIfChange change)
    {
        yield return simulation.Delay(change.After);
        registry.Update(change.Path, change.Value);
    }
}
