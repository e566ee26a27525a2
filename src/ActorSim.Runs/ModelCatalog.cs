using System.Collections.Concurrent;
using ActorSim.Model.Building;
using ActorSim.Model.Plants;

namespace ActorSim.Runs;

/// <summary>
/// Models written in C#, by name, so that a <see cref="RunSpec"/> can name one (<see cref="ModelSource.FromCatalog"/>)
/// and every process builds the same model from that name. A process registers its models at start, before it
/// compiles a run; the reference models are registered already: <c>Line_A</c> (a single line), <c>two-stage</c> and
/// <c>rework-loop</c> (plants).
/// </summary>
public static class ModelCatalog
{
    private static readonly ConcurrentDictionary<string, Entry> Entries = new(StringComparer.Ordinal)
    {
        ["Line_A"] = new(() => new PlantBuilder().AddLine(ReferenceModels.LineA()).Build(), IsPlant: false, "builtin:Line_A"),
        ["two-stage"] = new(() => ReferenceModels.TwoStagePlant(), IsPlant: true, "builtin:two-stage"),
        ["rework-loop"] = new(() => ReferenceModels.ReworkLoopPlant(), IsPlant: true, "builtin:rework-loop"),
    };

    /// <summary>The registered names, in ordinal order.</summary>
    public static IReadOnlyList<string> Names => Entries.Keys.Order(StringComparer.Ordinal).ToArray();

    /// <summary>Registers a single line under <paramref name="name"/>; its manifests hash <c>catalog:&lt;name&gt;</c>.</summary>
    /// <exception cref="ArgumentException">The name is taken by another model.</exception>
    public static void Register(string name, Func<LineModel> line)
    {
        ArgumentNullException.ThrowIfNull(line);
        Add(name, new Entry(() => new PlantBuilder().AddLine(line()).Build(), IsPlant: false, "catalog:" + name));
    }

    /// <summary>Registers a plant under <paramref name="name"/>; its manifests hash <c>catalog:&lt;name&gt;</c>.</summary>
    /// <exception cref="ArgumentException">The name is taken by another model.</exception>
    public static void Register(string name, Func<PlantModel> plant)
    {
        ArgumentNullException.ThrowIfNull(plant);
        Add(name, new Entry(plant, IsPlant: true, "catalog:" + name));
    }

    /// <summary>The model registered under <paramref name="name"/>; an unknown name is a <see cref="RunSpecException"/> listing the known ones.</summary>
    internal static Entry Find(string name) =>
        Entries.TryGetValue(name, out var entry)
            ? entry
            : throw new RunSpecException($"The model '{name}' is not in the catalog of this process; known: {string.Join(", ", Names)}.");

    private static void Add(string name, Entry entry)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (!Entries.TryAdd(name, entry))
        {
            throw new ArgumentException($"A model named '{name}' is already in the catalog; give each model its own name.", nameof(name));
        }
    }

    /// <summary>A registered model: how to build it, whether it is a plant of many lines, and what its manifests hash.</summary>
    internal sealed record Entry(Func<PlantModel> Build, bool IsPlant, string Definition);
}
