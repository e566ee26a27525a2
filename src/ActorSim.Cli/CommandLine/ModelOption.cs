using ActorSim.Model.Plants;
using ActorSim.Runs;

namespace ActorSim.Cli.CommandLine;

/// <summary>What every command's <c>--model FILE</c> means: the blueprint's text, or the built-in Line_A without one; refusals are usage errors.</summary>
internal static class ModelOption
{
    /// <summary>The model <c>--model</c> names (a missing file is a usage error naming it).</summary>
    public static ModelSource Source(string? path)
    {
        if (path is null)
        {
            return ModelSource.FromCatalog("Line_A");
        }

        try
        {
            return ModelSource.FromBlueprint(File.ReadAllText(path), path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new UsageException($"--model: the blueprint '{path}' does not exist.");
        }
    }

    /// <summary>The plant of <paramref name="model"/> and its name; a blueprint that does not load is a usage error naming file, line and column.</summary>
    public static (PlantModel Plant, string Name) Build(ModelSource model)
    {
        try
        {
            return RunCompiler.BuildModel(model);
        }
        catch (RunSpecException e)
        {
            throw new UsageException(e.Message);
        }
    }
}
