using ActorSim.Blueprints;
using ActorSim.Egress.Storage;
using ActorSim.Model.Plants;
using ActorSim.Model.Snapshots;
using ActorSim.Snapshots.Schedules;

namespace ActorSim.Runs;

/// <summary>
/// Compiles a <see cref="RunSpec"/> into what this process runs: the plant (from the blueprint's text or this process's
/// <see cref="ModelCatalog"/>) and a way to make each line's sinks with this process's stores. Every process that
/// compiles one spec gets the same plant and sinks: the spec's values win over the blueprint's <c>simulation</c> section.
/// </summary>
public static class RunCompiler
{
    /// <summary>
    /// Compiles <paramref name="spec"/> (validated first); <paramref name="storeFor"/> makes the store of a destination
    /// (a folder or <c>s3://bucket/prefix</c>) with this process's endpoint and credentials. Refusals are
    /// <see cref="RunSpecException"/>s naming the culprit.
    /// </summary>
    public static CompiledRun Compile(RunSpec spec, Func<string, IObjectStore> storeFor)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(storeFor);
        spec.Validate();
        var (plant, name, definition, nodes) = Build(spec.Model);
        if (spec.Layout == LineLayout.Single && plant.Lines.Count != 1)
        {
            throw new RunSpecException(
                $"The model '{name}' is a plant of {plant.Lines.Count} lines; their chunks need a layout of folders (line=<sim_id>/) or merged, not single.");
        }

        CheckSnapshot(spec, plant);
        return new CompiledRun(spec, plant, name, definition, storeFor) { LineNodes = nodes };
    }

    /// <summary>Compiles <paramref name="spec"/> with stores for local folders and S3 with <paramref name="s3"/> (default: the SDK's).</summary>
    public static CompiledRun Compile(RunSpec spec, S3StoreOptions? s3 = null) =>
        Compile(spec, destination => ObjectStoreLocation.Parse(destination).CreateStore(s3));

    /// <summary>
    /// The plant of <paramref name="model"/> (a single line's is a plant of that line) and its name in manifests and
    /// snapshots; a blueprint that does not load is a <see cref="RunSpecException"/> naming its file, line and column.
    /// </summary>
    public static (PlantModel Plant, string Name) BuildModel(ModelSource model)
    {
        ArgumentNullException.ThrowIfNull(model);
        model.Validate();
        var (plant, name, _, _) = Build(model);
        return (plant, name);
    }

    /// <summary>A snapshot to start from must fit the model, before anything runs.</summary>
    private static void CheckSnapshot(RunSpec spec, PlantModel plant)
    {
        if (spec.Snapshot is not { } snapshot)
        {
            return;
        }

        try
        {
            SnapshotValidator.Check(snapshot, plant, "the snapshot");
        }
        catch (SnapshotException e)
        {
            throw new RunSpecException(e.Message, e);
        }
    }

    private static (PlantModel Plant, string Name, byte[] Definition, IReadOnlyDictionary<string, string> Nodes) Build(ModelSource model)
    {
        if (model.Catalog is { } catalogName)
        {
            var entry = ModelCatalog.Find(catalogName);
            var built = entry.Build();
            return (built, entry.IsPlant ? catalogName : built.Lines[0].SimId, CompiledRun.Utf8(entry.Definition), new Dictionary<string, string>());
        }

        try
        {
            var blueprint = BlueprintLoader.LoadPlantFromText(model.Blueprint!, model.SourceName!, ScheduleSources.Options);
            var plant = blueprint.Plant;
            var name = model.IsPlantBlueprint ? Path.GetFileName(model.SourceName!) : plant.Lines[0].SimId;
            return (plant, name, CompiledRun.Utf8(model.Blueprint!), blueprint.LineNodes);
        }
        catch (BlueprintException e)
        {
            throw new RunSpecException(e.Message, e);
        }
    }
}
