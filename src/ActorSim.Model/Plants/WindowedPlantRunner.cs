using ActorSim.Engine;
using ActorSim.Model.Building;
using ActorSim.Model.Plants.Internal;
using ActorSim.Model.Records;

namespace ActorSim.Model.Plants;

/// <summary>
/// Conservative synchronization without actors: one <see cref="Simulation"/> per line, advanced in rounds by a
/// <see cref="SyncCoordinatorCore"/>. In each round every granted line takes its deliveries, runs to its safe
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
        ArgumentNullException.ThrowIfNull(sinkFor);
        PlantRunning.CheckUntil(until);
        var count = Plant.Lines.Count;
        var simulations = new Simulation[count];
        var outboxes = new BufferingOutbox[count];
        var lines = new Line[count];
        var core = new SyncCoordinatorCore(Plant.CreateSchedule(until));
        for (var i = 0; i < count; i++)
        {
            simulations[i] = new Simulation();
            outboxes[i] = new BufferingOutbox();
            lines[i] = Plant.StartLine(i, simulations[i], sinkFor(Plant.Lines[i]), seed, outboxes[i]);
            core.Ready(i, simulations[i].Now, simulations[i].Peek());
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
                    foreach (var shipment in grant.Deliveries)
                    {
                        line.Deliver(shipment);
                    }

                    PlantRunning.RunUntil(line.Simulation, grant.Horizon, cancellationToken);
                }
                catch (Exception e) when (e is SimulationException or InvalidOperationException or ArgumentException)
                {
                    throw new LineFailedException(line.SimId, e is SimulationException s ? s.SimulatedTime : line.Simulation.Now, e);
                }

                reports[g] = new LineReport(grant.Line, line.Simulation.Peek(), outboxes[grant.Line].Drain());
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

        return new PlantRunStats(core.Rounds, core.Grants, simulations.Sum(s => s.ProcessedEvents), lines.Sum(l => l.ItemsSent));
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
