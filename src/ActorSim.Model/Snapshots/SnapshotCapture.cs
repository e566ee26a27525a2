using ActorSim.Engine;
using ActorSim.Model.Building;
using ActorSim.Model.Plants;

namespace ActorSim.Model.Snapshots;

/// <summary>Takes exact snapshots of running lines.</summary>
public static class SnapshotCapture
{
    /// <summary>
    /// The exact state of <paramref name="lines"/> (every line of <paramref name="model"/>, in its order, all between
    /// events at the same instant: after <c>RunUntil</c> to it) as a snapshot of the model named <paramref name="modelName"/>.
    /// </summary>
    /// <exception cref="SnapshotException">A line runs a custom process, or the lines are not at one instant.</exception>
    /// <param name="model">The model the lines run.</param>
    /// <param name="modelName">The model's name, for people.</param>
    /// <param name="lines">Every line of the model, in its order.</param>
    /// <param name="seed">The run's seed, for people.</param>
    /// <param name="heldElsewhere">Items sent and not yet handed to their destination line (a coordinator's), if any.</param>
    public static ModelSnapshot Take(PlantModel model, string modelName, IReadOnlyList<Line> lines, ulong? seed = null, IEnumerable<ItemShipment>? heldElsewhere = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(lines);
        if (lines.Count != model.Lines.Count || lines.Count == 0)
        {
            throw new ArgumentException($"A snapshot takes every line of the model ({model.Lines.Count}); {lines.Count} were given.", nameof(lines));
        }

        var asOf = lines[0].Simulation.Now;
        if (lines.FirstOrDefault(l => l.Simulation.Now != asOf) is { } behind)
        {
            throw new SnapshotException($"Line '{behind.SimId}' is at t={behind.Simulation.FormatTime(behind.Simulation.Now)}, line '{lines[0].SimId}' at t={lines[0].Simulation.FormatTime(asOf)}: a snapshot takes every line at one instant.");
        }

        var start = lines[0].Simulation.LogicalStart;
        return new ModelSnapshot
        {
            Kind = SnapshotKind.Exact,
            Model = new ModelIdentity(modelName, ModelFingerprint.Of(model)),
            Start = start,
            AsOf = asOf,
            AsOfTimestamp = lines[0].Simulation.ToDateTime(asOf),
            Seed = seed,
            Lines = LineStateCapture.Capture(lines, heldElsewhere ?? []),
        };
    }

    /// <summary>
    /// The exact state of <paramref name="line"/> of <paramref name="model"/>, running alone in its simulation (a line of
    /// a windowed or actor run), between events; join every line's with <see cref="Assemble"/>. With
    /// <paramref name="keepScheduledDelivery"/>, the items handed to it and not arrived that it does not keep are left
    /// out: the coordinator that handed them over lists them (a checkpoint's).
    /// </summary>
    public static LineSnapshot CaptureLine(PlantModel model, Line line, Func<ItemShipment, bool>? keepScheduledDelivery = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(line);
        return LineStateCapture.CaptureAlone(line, i => model.Lines[i].SimId, keepScheduledDelivery);
    }

    /// <summary>The items handed to <paramref name="line"/> (a plant's line alone in its simulation) that have not arrived.</summary>
    public static IReadOnlyList<ItemShipment> NotArrived(Line line)
    {
        ArgumentNullException.ThrowIfNull(line);
        return [.. LineStateCapture.NotArrived(line)];
    }

    /// <summary>
    /// A snapshot of <paramref name="model"/> at <paramref name="asOf"/> from every line's state (<see cref="CaptureLine"/>,
    /// in the model's order) and the items a coordinator still holds, each added to the line it goes to.
    /// </summary>
    public static ModelSnapshot Assemble(
        PlantModel model, string modelName, DateTime start, double asOf, ulong? seed, IReadOnlyList<LineSnapshot> lines, IEnumerable<ItemShipment> heldElsewhere)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(lines);
        var held = (heldElsewhere ?? []).ToLookup(i => i.DestinationLine);
        string SimIdOf(int i) => model.Lines[i].SimId;
        var merged = lines.Select((line, i) => held[i].Any()
            ? line with { InTransit = [.. line.InTransit.Concat(LineStateCapture.InTransit(held[i], SimIdOf)).OrderBy(t => t.ArrivalAt ?? double.PositiveInfinity).ThenBy(t => model.IndexOf(t.From)).ThenBy(t => t.Sequence)] }
            : line).ToArray();
        return new ModelSnapshot
        {
            Kind = SnapshotKind.Exact,
            Model = new ModelIdentity(modelName, ModelFingerprint.Of(model)),
            Start = start,
            AsOf = asOf,
            AsOfTimestamp = SimTime.ToInstant(start, asOf),
            Seed = seed,
            Lines = merged,
        };
    }
}
