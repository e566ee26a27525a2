namespace ActorSim.Runs;

/// <summary>
/// The model of a run as data: the text of a YAML blueprint (a line or a plant), or the name of a model written in C#
/// and registered in every process's <see cref="ModelCatalog"/>. Exactly one of the two is set.
/// </summary>
public sealed record ModelSource
{
    /// <summary>The blueprint's YAML text; <c>${VAR}</c> is substituted where the run is compiled.</summary>
    public string? Blueprint { get; init; }

    /// <summary>The blueprint's file (or source) name: errors start with it, and a plant's manifests name it.</summary>
    public string? SourceName { get; init; }

    /// <summary>The name of a model in the <see cref="ModelCatalog"/>.</summary>
    public string? Catalog { get; init; }

    /// <summary>A blueprint given as text, with the name errors and manifests use.</summary>
    public static ModelSource FromBlueprint(string yaml, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        ArgumentNullException.ThrowIfNull(sourceName);
        return new ModelSource { Blueprint = yaml, SourceName = sourceName };
    }

    /// <summary>A model registered in the <see cref="ModelCatalog"/> under <paramref name="name"/>.</summary>
    public static ModelSource FromCatalog(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return new ModelSource { Catalog = name };
    }

    /// <summary>Whether the model is a plant blueprint (a top-level <c>lines</c> key); a catalog model or a single line is not.</summary>
    public bool IsPlantBlueprint => Blueprint is not null && ActorSim.Blueprints.BlueprintLoader.IsPlantText(Blueprint);

    /// <summary>Throws a <see cref="RunSpecException"/> unless exactly one of <see cref="Blueprint"/> and <see cref="Catalog"/> is set.</summary>
    public void Validate()
    {
        if ((Blueprint is null) == (Catalog is null))
        {
            throw new RunSpecException("A run's model is either a blueprint's text or a catalog name, exactly one of them.");
        }

        if (Blueprint is not null && string.IsNullOrWhiteSpace(SourceName))
        {
            throw new RunSpecException("A blueprint given as text needs a source name (its file name) for its errors and manifests.");
        }
    }
}
