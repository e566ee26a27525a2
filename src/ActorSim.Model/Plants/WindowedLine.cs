using ActorSim.Engine;
using ActorSim.Model.Building;
using ActorSim.Model.Plants.Internal;
using ActorSim.Model.Records;

using ActorSim.Model.Snapshots;

namespace ActorSim.Model.Plants;

/// <summary>
/// One line of a plant advanced by grants, in a simulation of its own: it takes a grant's deliveries, runs towards the
/// horizon (in as many slices as its host likes; slicing changes no record) and reports its next event time and the
/// items it sent. The one line host of every engine that runs lines in windows: <see cref="WindowedPlantRunner"/> and
/// the actors' line actor.
/// </summary>
public sealed class WindowedLine
{
    private readonly BufferingOutbox _outbox;

    /// <summary>
    /// Starts line <paramref name="index"/> of <paramref name="plant"/> in <paramref name="simulation"/>, its records to
    /// <paramref name="sink"/>, its streams from <paramref name="seed"/>; <paramref name="checkSend"/>, when given, sees
    /// each item the line sends, as it sends it, and may refuse it by throwing.
    /// </summary>
    public WindowedLine(PlantModel plant, int index, Simulation simulation, IRecordSink sink, ulong seed, Action<ItemShipment>? checkSend = null)
        : this(plant, index, simulation, sink, seed, null, SnapshotKind.Exact, checkSend)
    {
    }

    /// <summary>
    /// As the other constructor, in the state <paramref name="state"/> of a snapshot of <paramref name="kind"/> taken at
    /// <see cref="Simulation.Now"/> when it is given (see <see cref="PlantModel.ResumeLine"/>).
    /// </summary>
    public WindowedLine(PlantModel plant, int index, Simulation simulation, IRecordSink sink, ulong seed, LineSnapshot? state, SnapshotKind kind, Action<ItemShipment>? checkSend = null)
    {
        ArgumentNullException.ThrowIfNull(plant);
        ArgumentNullException.ThrowIfNull(simulation);
        Index = index;
        Simulation = simulation;
        _outbox = new BufferingOutbox(checkSend);
        Line = state is null
            ? plant.StartLine(index, simulation, sink, seed, _outbox)
            : plant.ResumeLine(index, simulation, sink, seed, _outbox, state, kind);
    }

    /// <summary>The line's index in its plant.</summary>
    public int Index { get; }

    /// <summary>The line's own simulation.</summary>
    public Simulation Simulation { get; }

    /// <summary>The running line.</summary>
    public Line Line { get; }

    /// <summary>Delivers a grant's items, in the order given (arrival time, source line, sequence).</summary>
    public void Deliver(IReadOnlyList<ItemShipment> deliveries)
    {
        ArgumentNullException.ThrowIfNull(deliveries);
        for (var i = 0; i < deliveries.Count; i++)
        {
            Line.Deliver(deliveries[i]);
        }
    }

    /// <summary>
    /// Delivers a grant's items together with those sent straight to the line by lines on its node
    /// (<paramref name="direct"/>, which this sorts in place), in delivery order: the order the coordinator would have
    /// handed them all in.
    /// </summary>
    public void Deliver(IReadOnlyList<ItemShipment> deliveries, List<ItemShipment> direct)
    {
        ArgumentNullException.ThrowIfNull(deliveries);
        ArgumentNullException.ThrowIfNull(direct);
        direct.AddRange(deliveries);
        direct.Sort(DeliveryOrder.Comparison);
        Deliver(direct);
    }

    /// <summary>The items the line sent since its last report, in sending order: what the next report will carry.</summary>
    public IReadOnlyList<ItemShipment> Unreported => _outbox.Unreported;

    /// <summary>
    /// The line's report after a grant: its next event time, the items sent since the last report, and where it
    /// stopped when short of the horizon (<paramref name="reached"/>; null when it ran to the horizon).
    /// </summary>
    public LineReport Report(double? reached = null) => new(Index, Simulation.Peek(), _outbox.Drain(), reached);
}
