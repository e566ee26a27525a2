using ActorSim.Engine;
using ActorSim.Model.Building;
using ActorSim.Model.Plants.Internal;
using ActorSim.Model.Random;
using ActorSim.Model.Records;
using ActorSim.Model.Registry;
using Microsoft.Extensions.Logging;

using ActorSim.Model.Snapshots;

namespace ActorSim.Model.Plants;

/// <summary>
/// A checked, immutable plant built by <see cref="PlantBuilder"/>: lines, indexed in the order they were added,
/// and the links between them. <see cref="StartLine"/> instantiates one line in a simulation, which is what every
/// runner (sequential, windowed, actors) does for each line.
/// </summary>
public sealed class PlantModel
{
    private readonly Dictionary<string, int> _indexes;
    private readonly Dictionary<string, LinkDefinition> _links;

    private PlantModel(IReadOnlyList<LineModel> lines, IReadOnlyList<LinkDefinition> links)
    {
        Lines = lines;
        Links = links;
        // A loop, not LINQ over tuples: generic code over value tuples is compiled at every process start (see docs/benchmarks.md).
        _indexes = new Dictionary<string, int>(lines.Count, StringComparer.Ordinal);
        for (var i = 0; i < lines.Count; i++)
        {
            _indexes[lines[i].SimId] = i;
        }

        _links = links.ToDictionary(l => l.Name, StringComparer.Ordinal);
    }

    /// <summary>The lines; a line's index is its position here.</summary>
    public IReadOnlyList<LineModel> Lines { get; }

    /// <summary>The links, in the order they were added.</summary>
    public IReadOnlyList<LinkDefinition> Links { get; }

    /// <summary>The index of the line <paramref name="simId"/>; throws naming the known lines if there is none.</summary>
    public int IndexOf(string simId) => _indexes.TryGetValue(simId, out var index)
        ? index
        : throw new KeyNotFoundException($"The plant has no line '{simId}'. Lines: {string.Join(", ", _indexes.Keys)}.");

    /// <summary>The link <paramref name="name"/>; throws naming the known links if there is none.</summary>
    public LinkDefinition Link(string name) => _links.TryGetValue(name, out var link)
        ? link
        : throw new KeyNotFoundException($"The plant has no link '{name}'. Links: {string.Join(", ", _links.Keys)}.");

    /// <summary>The longest window a runner grants by default: one simulated hour.</summary>
    public const double DefaultMaxWindow = 3600;

    /// <summary>
    /// The link graph with lookaheads, for a run that ends at <paramref name="endTime"/>, granting at most
    /// <paramref name="maxWindow"/> simulated seconds at a time (default one hour, so a feed-forward line does not
    /// buffer a whole run of items for its consumers).
    /// </summary>
    public ConservativeSchedule CreateSchedule(double endTime, double maxWindow = DefaultMaxWindow) =>
        new(Lines.Count, Links.Select(l => new ScheduleLink(l.Name, IndexOf(l.From), IndexOf(l.To), l.Lookahead)), endTime, maxWindow);

    /// <summary>
    /// Starts line <paramref name="lineIndex"/> in <paramref name="simulation"/>: a new registry with its parameters
    /// and the delays of the links it sends over (<c>&lt;sim_id&gt;.links.&lt;link&gt;</c>), its random stream
    /// <c>RandomStream.Create(runSeed, sim_id)</c>, records to <paramref name="sink"/>, sent items to <paramref name="outbox"/>.
    /// </summary>
    public Line StartLine(int lineIndex, Simulation simulation, IRecordSink sink, ulong runSeed, IItemOutbox outbox, ILogger? logger = null)
    {
        var (model, registry, context) = Prepare(lineIndex, simulation, sink, outbox, logger);
        return model.StartInPlant(simulation, sink, RandomStream.Create(runSeed, model.SimId), registry, context);
    }

    /// <summary>
    /// As <see cref="StartLine"/>, in the state <paramref name="state"/> of a snapshot of <paramref name="kind"/> taken
    /// at <see cref="Simulation.Now"/> (checked first with <see cref="SnapshotValidator"/>). Items in transit are
    /// delivered to it at once.
    /// </summary>
    /// <param name="lineIndex">The line's index in the plant.</param>
    /// <param name="simulation">The simulation, at the snapshot's instant.</param>
    /// <param name="sink">Where the line's records go.</param>
    /// <param name="runSeed">The run seed its stream derives from (for what the snapshot does not hold).</param>
    /// <param name="outbox">Where the items it sends go.</param>
    /// <param name="state">The line's state.</param>
    /// <param name="kind">The snapshot's kind.</param>
    /// <param name="continueStreams">
    /// True (default): an exact snapshot's line goes on with its own random stream, so the run repeats the original.
    /// False: it draws from <paramref name="runSeed"/>'s stream, as a forecast's replications do, each its own future.
    /// </param>
    /// <param name="logger">The registry's logger.</param>
    public Line ResumeLine(
        int lineIndex, Simulation simulation, IRecordSink sink, ulong runSeed, IItemOutbox outbox, LineSnapshot state, SnapshotKind kind, bool continueStreams = true, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(state);
        var (model, registry, context) = Prepare(lineIndex, simulation, sink, outbox, logger);
        var line = model.ResumeInPlant(
            simulation, sink, RandomStream.Create(runSeed, model.SimId), registry, context, state, continueStreams ? kind : SnapshotKind.Observed, $"lines[{lineIndex}]", kind);
        foreach (var item in state.InTransit)
        {
            // Addressed to this line: only its own schedule and inbox take them. An observed item's arrival is drawn from
            // the link's delay (as the model defines it) given the time it has travelled, with this line's stream.
            var arrival = item.ArrivalAt ?? simulation.Now + line.Sampler.SampleResidual(Link(item.Link).Delay, simulation.Now - item.SentAt);
            line.Deliver(new ItemShipment(item.Link, IndexOf(item.From), lineIndex, item.Sequence, item.SentAt, arrival, new PlantItem(RecordKey.Of(item.Key), item.Attributes)));
        }

        return line;
    }

    private (LineModel Model, ParameterRegistry Registry, PlantLineContext Context) Prepare(int lineIndex, Simulation simulation, IRecordSink sink, IItemOutbox outbox, ILogger? logger)
    {
        if ((uint)lineIndex >= (uint)Lines.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(lineIndex), lineIndex, $"The plant's lines are numbered 0 to {Lines.Count - 1}.");
        }

        ArgumentNullException.ThrowIfNull(simulation);
        ArgumentNullException.ThrowIfNull(sink);
        ArgumentNullException.ThrowIfNull(outbox);
        var model = Lines[lineIndex];
        var registry = CreateRegistry(lineIndex, simulation, logger);
        var outbound = Links.Where(l => l.From == model.SimId)
            .ToDictionary(l => l.Name, l => new OutboundLink(l, IndexOf(l.To), registry.GetDistribution(l.Path)), StringComparer.Ordinal);
        return (model, registry, new PlantLineContext(lineIndex, outbox, outbound));
    }

    /// <summary>
    /// A new registry holding line <paramref name="lineIndex"/>'s parameters and the delays of the links it sends over
    /// (<c>&lt;sim_id&gt;.links.&lt;link&gt;</c>), as a run of the line starts with; without a simulation it serves to
    /// check values and paths.
    /// </summary>
    public ParameterRegistry CreateRegistry(int lineIndex, Simulation? simulation = null, ILogger? logger = null)
    {
        var model = Lines[lineIndex];
        var registry = new ParameterRegistry(simulation, logger);
        registry.Register(model.CreateParameters());
        foreach (var link in Links.Where(l => l.From == model.SimId))
        {
            registry.RegisterDistribution(link.Path, link.Delay.Clone());
        }

        return registry;
    }

    internal static PlantModel Create(IReadOnlyList<LineModel> lines, IReadOnlyList<LinkDefinition> links)
    {
        PlantValidation.Check(lines, links);
        return new PlantModel(lines.ToArray(), links.Select(l => l with { Delay = l.Delay.Clone() }).ToArray());
    }
}
