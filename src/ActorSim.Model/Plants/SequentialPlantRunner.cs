using ActorSim.Engine;
using ActorSim.Model.Building;
using ActorSim.Model.Plants.Internal;
using ActorSim.Model.Records;
using ActorSim.Model.Snapshots;

namespace ActorSim.Model.Plants;

/// <summary>
/// The reference: every line of the plant in one <see cref="Simulation"/>, each item scheduled on its destination
/// with <see cref="Simulation.ScheduleDelivery"/> the moment it is sent. No synchronization, so no rounds; its
/// records are what every other runner must reproduce.
/// </summary>
public sealed class SequentialPlantRunner(PlantModel plant) : IPlantRunner
{
    /// <summary>The plant this runner runs.</summary>
    public PlantModel Plant { get; } = plant ?? throw new ArgumentNullException(nameof(plant));

    /// <inheritdoc />
    public PlantRunStats Run(ulong seed, double until, Func<LineModel, IRecordSink> sinkFor) => Run(seed, until, sinkFor, CancellationToken.None);

    /// <inheritdoc />
    public PlantRunStats Run(ulong seed, double until, Func<LineModel, IRecordSink> sinkFor, CancellationToken cancellationToken)
    {
        PlantRunning.CheckUntil(until);
        return Run(new PlantRunOptions { Seed = seed, Until = until }, sinkFor, cancellationToken);
    }

    /// <summary>
    /// Runs the plant as <paramref name="options"/> say: from 0 or from a snapshot's state, until its end, taking a
    /// snapshot on the way if asked (the run goes on, with the records it would have written anyway).
    /// </summary>
    public PlantRunStats Run(PlantRunOptions options, Func<LineModel, IRecordSink> sinkFor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(sinkFor);
        options.Check();
        var simulation = new Simulation(options.StartsAt, options.LogicalStart);
        var lines = new Line[Plant.Lines.Count];
        var outbox = new DirectOutbox(lines);
        for (var i = 0; i < lines.Length; i++)
        {
            lines[i] = options.From is { } from
                ? Plant.ResumeLine(i, simulation, sinkFor(Plant.Lines[i]), options.Seed, outbox, from.Lines[i], from.Kind)
                : Plant.StartLine(i, simulation, sinkFor(Plant.Lines[i]), options.Seed, outbox);
        }

        foreach (var at in options.SnapshotTimes)
        {
            PlantRunning.RunUntil(simulation, at, cancellationToken);
            options.SnapshotTaken?.Invoke(SnapshotCapture.Take(Plant, options.ModelName, lines, options.Seed));
        }

        PlantRunning.RunUntil(simulation, options.Until, cancellationToken);
        return new PlantRunStats(0, 0, simulation.ProcessedEvents, lines.Sum(l => l.ItemsSent));
    }
}
