using ActorSim.Engine;
using ActorSim.Model.Building;
using ActorSim.Model.Plants.Internal;
using ActorSim.Model.Records;

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
        ArgumentNullException.ThrowIfNull(sinkFor);
        PlantRunning.CheckUntil(until);
        var simulation = new Simulation();
        var lines = new Line[Plant.Lines.Count];
        var outbox = new DirectOutbox(lines);
        for (var i = 0; i < lines.Length; i++)
        {
            lines[i] = Plant.StartLine(i, simulation, sinkFor(Plant.Lines[i]), seed, outbox);
        }

        PlantRunning.RunUntil(simulation, until, cancellationToken);
        return new PlantRunStats(0, 0, simulation.ProcessedEvents, lines.Sum(l => l.ItemsSent));
    }
}
