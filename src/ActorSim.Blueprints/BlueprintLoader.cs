using ActorSim.Blueprints.Internal;

namespace ActorSim.Blueprints;

/// <summary>
/// Loads YAML blueprints (models without C#). Everything is checked before a run: keys, types, distributions,
/// references, durations, scenario paths and values; failures are <see cref="BlueprintException"/>s whose messages start
/// with <c>file:line:column:</c>.
/// </summary>
/// <example><code>
/// var blueprint = BlueprintLoader.Load("examples/line.yaml");
/// var line = blueprint.Model.Start(simulation, sink, RandomStream.Create(blueprint.Simulation.Seed));
/// var plant = BlueprintLoader.LoadPlant("examples/two-stage-plant.yaml");
/// new SequentialPlantRunner(plant.Plant).Run(plant.Simulation.Seed, 3600, line => sinks[line.SimId]);
/// </code></example>
public static class BlueprintLoader
{
    /// <summary>Reads and checks the blueprint in the file <paramref name="path"/>; errors name the path as given.</summary>
    /// <exception cref="BlueprintException">The blueprint is invalid.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static Blueprint Load(string path, BlueprintOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        return LoadFromText(File.ReadAllText(path), path, options);
    }

    /// <summary>Reads and checks the blueprint <paramref name="yaml"/>; <paramref name="sourceName"/> prefixes error messages.</summary>
    /// <exception cref="BlueprintException">The blueprint is invalid.</exception>
    public static Blueprint LoadFromText(string yaml, string sourceName, BlueprintOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        ArgumentNullException.ThrowIfNull(sourceName);
        return BlueprintReader.Read(yaml, sourceName, options ?? BlueprintOptions.Default);
    }

    /// <summary>
    /// True when the YAML <paramref name="yaml"/> describes a plant: its top-level mapping has a <c>lines</c> key, however
    /// written (quoted, flow style, after comments or a <c>---</c> marker). False for a single line and for text that is
    /// not valid YAML (loading it says why).
    /// </summary>
    public static bool IsPlantText(string yaml)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        return BlueprintReader.IsPlant(yaml);
    }

    /// <summary>
    /// Reads and checks the plant blueprint (<c>lines:</c> and <c>links:</c>) in the file <paramref name="path"/>; a
    /// single-line blueprint is read as a plant of that one line.
    /// </summary>
    /// <exception cref="BlueprintException">The blueprint is invalid.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static PlantBlueprint LoadPlant(string path, BlueprintOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        return LoadPlantFromText(File.ReadAllText(path), path, options);
    }

    /// <summary>Reads and checks the plant blueprint <paramref name="yaml"/> (or a single line, as a plant of one line).</summary>
    /// <exception cref="BlueprintException">The blueprint is invalid.</exception>
    public static PlantBlueprint LoadPlantFromText(string yaml, string sourceName, BlueprintOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        ArgumentNullException.ThrowIfNull(sourceName);
        return BlueprintReader.ReadPlant(yaml, sourceName, options ?? BlueprintOptions.Default);
    }
}
