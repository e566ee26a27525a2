using ActorSim.Model.Distributions;
using YamlDotNet.RepresentationModel;

namespace ActorSim.Blueprints.Internal;

/// <summary>
/// Reads <c>{dist: name, parameter: number, ...}</c> into a <see cref="DistributionConfig"/>; <c>empirical</c> takes
/// <c>values: [...]</c> and optional <c>weights: [...]</c>. The engine's own checks name unknown families and parameters.
/// </summary>
internal static class DistributionReader
{
    private static readonly string[] EmpiricalKeys = ["dist", "values", "weights"];

    public static DistributionConfig Read(Reader reader, YamlNode node, string path)
    {
        var map = reader.AnyMap(node, path, "a distribution such as {dist: exponential, rate: 2.0}");
        var dist = map.RequireText("dist");
        if (string.Equals(dist.Trim(), "empirical", StringComparison.OrdinalIgnoreCase))
        {
            return Empirical(reader, node, path);
        }

        var parameters = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (name, _, value) in map.Entries)
        {
            if (name != "dist")
            {
                parameters[name] = reader.Number(value, map.PathOf(name));
            }
        }

        try
        {
            return DistributionConfig.Create(dist, parameters);
        }
        catch (ArgumentException e)
        {
            throw Locate(reader, map, e);
        }
    }

    private static DistributionConfig Empirical(Reader reader, YamlNode node, string path)
    {
        var map = reader.Map(node, path, EmpiricalKeys);
        var values = Numbers(reader, map.Require("values"), map.PathOf("values"));
        var weightsNode = map.Get("weights");
        var weights = weightsNode is null ? null : Numbers(reader, weightsNode, map.PathOf("weights"));
        var blame = weightsNode is null ? "values" : "weights";
        return reader.Guard(map.Require(blame), map.PathOf(blame),
            () => DistributionConfig.Empirical(values, weights));
    }

    private static double[] Numbers(Reader reader, YamlNode node, string path) =>
        reader.Sequence(node, path, "numbers").Select(item => reader.Number(item.Node, item.Path)).ToArray();

    /// <summary>Puts the engine's refusal on the node it concerns: the family, a parameter, or the whole mapping.</summary>
    private static BlueprintException Locate(Reader reader, MapNode map, ArgumentException e)
    {
        // A refused value names its parameter (ParamName); an unknown parameter is quoted in the message; a missing one is neither.
        var problem = e.Message.Replace($" (Parameter '{e.ParamName}')", "", StringComparison.Ordinal);
        if (e.ParamName == "dist")
        {
            return reader.Error(map.Require("dist"), map.PathOf("dist"), problem, e);
        }

        foreach (var (name, _, value) in map.Entries)
        {
            if (name == e.ParamName)
            {
                return reader.Error(value, map.PathOf(name), problem, e);
            }
        }

        foreach (var (name, key, _) in map.Entries)
        {
            if (name != "dist" && e.Message.Contains($"'{name}'", StringComparison.Ordinal))
            {
                return reader.Error(key, map.PathOf(name), problem, e);
            }
        }

        return reader.Error(map.Node, map.Path, problem, e);
    }
}
