using ActorSim.Engine;
using ActorSim.Model.Building;
using ActorSim.Model.Plants.Internal;
using ActorSim.Model.Records;

using ActorSim.Model.Snapshots;

namespace ActorSim.Model.Plants;

/// <summary>
/// Conservative synchronization without actors: one <see cref="Simulation"/> per line, advanced in rounds by a
/// <see cref="SyncCoordinatorCore"/>, each a <see cref="WindowedLine"/>. In each round every granted line takes its deliveries, runs to its safe
/// horizon and reports; lines of a round share nothing, so with <c>parallelism</c> &gt; 1 they run on several
/// threads, with the same records.
/// </summary>
public sealed class WindowedPlantRunner : IPlantRunner
{
    private readonly int _parallelism;

    /// <summary>Creates a runner for <paramref name="plant"/> that runs up to <paramref name="parallelism"/> lines of a round at once.</summary>
    public WindowedPlantRunner(PlantModel plant, int parallelism = 1)
    {
        ArgumentNullException.ThrowIfNull(plant);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(parallelism);
        Plant = plant;
        _parallelism = parallelism;
    }

    /// <summary>The plant this runner runs.</summary>
    public PlantModel Plant { get; }

    /// <inheritdoc />
    public PlantRunStats Run(ulong seed, double until, Func<LineModel, IRecordSink> sinkFor) => Run(seed, until, sinkFor, CancellationToken.None);

    /// <inheritdoc />
    public PlantRunStats Run(ulong seed, double until, Func<LineModel, IRecordSink> sinkFor, CancellationToken cancellationToken)
    {
        PlantRunning.CheckUntil(until);
        return Run(new PlantRunOptions { Seed = seed, Until = until }, sinkFor, cancellationToken);
    }

    /// <summary>
    /// Runs the plant as <paramref name="options"/> say: from 0 or from a snapshot's state, until its end. A snapshot on
    /// the way ends a phase at its instant (every line there, the items not yet handed over held by the coordinator);
    /// the next phase starts as a run from that snapshot would, which changes no record.
    /// </summary>
    public PlantRunStats Run(PlantRunOptions options, Func<LineModel, IRecordSink> sinkFor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(sinkFor);
        options.Check();
        var count = Plant.Lines.Count;
        var lines = new WindowedLine[count];
        for (var i = 0; i < count; i++)
        {
            lines[i] = new WindowedLine(Plant, i, new Simulation(options.StartsAt, options.LogicalStart), sinkFor(Plant.Lines[i]), options.Seed, options.From?.Lines[i], options.From?.Kind ?? SnapshotKind.Exact);
        }

        var (rounds, grants) = (0L, 0L);
        foreach (var at in options.SnapshotTimes)
        {
            var phase = RunPhase(lines, at, cancellationToken);
            var held = phase.PendingItems.ToArray();
            options.SnapshotTaken?.Invoke(SnapshotCapture.Take(Plant, options.ModelName, Array.ConvertAll(lines, l => l.Line), options.Seed, held));
            foreach (var shipment in held.Order(Comparer<ItemShipment>.Create(DeliveryOrder.Comparison)))
            {
                lines[shipment.DestinationLine].Line.Deliver(shipment);
            }

            (rounds, grants) = (rounds + phase.Rounds, grants + phase.Grants);
        }

        var last = RunPhase(lines, options.Until, cancellationToken);
        return new PlantRunStats(rounds + last.Rounds, grants + last.Grants, lines.Sum(l => l.Simulation.ProcessedEvents), lines.Sum(l => l.Line.ItemsSent));
    }

    /// <summary>Advances every line from where it stands to <paramref name="until"/> in rounds; returns the coordinator, with the items it still holds.</summary>
    private SyncCoordinatorCore RunPhase(WindowedLine[] lines, double until, CancellationToken cancellationToken)
    {
        var core = new SyncCoordinatorCore(Plant.CreateSchedule(until));
        foreach (var line in lines)
        {
            core.Ready(line.Index, line.Simulation.Now, line.Simulation.Peek());
        }

        while (!core.IsFinished)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var grants = core.NextRound();
            var reports = new LineReport[grants.Count];
            void RunGrant(int g)
            {
                var grant = grants[g];
                var line = lines[grant.Line];
                try
                {
                    line.Deliver(grant.Deliveries);
                    PlantRunning.RunUntil(line.Simulation, grant.Horizon, cancellationToken);
                }
                catch (Exception e) when (e is SimulationException or InvalidOperationException or ArgumentException)
                {
                    throw new LineFailedException(line.Line.SimId, e is SimulationException s ? s.SimulatedTime : line.Simulation.Now, e);
                }

                reports[g] = line.Report();
            }

            if (_parallelism == 1 || grants.Count == 1)
            {
                for (var g = 0; g < grants.Count; g++)
                {
                    RunGrant(g);
                }
            }
            else
            {
                RunInParallel(grants.Count, RunGrant, cancellationToken);
            }

            foreach (var report in reports)
            {
                core.Report(report);
            }
        }

        return core;
    }

    private void RunInParallel(int count, Action<int> body, CancellationToken cancellationToken)
    {
        try
        {
            Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = _parallelism, CancellationToken = cancellationToken }, body);
        }
        catch (AggregateException e) when (e.InnerExceptions.Count > 0)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
            throw;
        }
    }
}
