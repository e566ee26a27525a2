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
}
