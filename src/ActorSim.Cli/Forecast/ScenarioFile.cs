using ActorSim.Cli.CommandLine;
using ActorSim.Forecasts;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ActorSim.Cli.Forecast;

/// <summary>
/// Reads <c>--scenarios FILE</c>: named what-if scenarios, each a list of changes in <c>--what-if</c>'s form:
/// <code>
/// scenarios:
///   two-more-lathes: ["Line_A.resources.lathe.current_cap=6@1h"]
///   faster-milling:  ["Line_A.service.milling.mean=1.8"]
/// </code>
/// Every refusal is a usage error naming the file, line and scenario.
/// </summary>
internal static class ScenarioFile
{
    public static IReadOnlyList<ForecastScenario> Read(string path)
    {
        YamlStream yaml;
        try
        {
            yaml = [];
            using var reader = new StringReader(File.ReadAllText(path));
            yaml.Load(reader);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new UsageException($"--scenarios: the file '{path}' does not exist.");
        }
        catch (YamlException e)
        {
            throw new UsageException($"--scenarios {path}:{e.Start.Line}:{e.Start.Column}: {e.Message}");
        }

        if (yaml.Documents.Count == 0 || yaml.Documents[0].RootNode is not YamlMappingNode root
            || !root.Children.TryGetValue(new YamlScalarNode("scenarios"), out var node) || node is not YamlMappingNode scenarios || scenarios.Children.Count == 0)
        {
            throw new UsageException($"--scenarios {path}: expected 'scenarios:' mapping each scenario's name to a list of changes (<path>=<value>[@<time>]).");
        }

        var list = new List<ForecastScenario>();
        foreach (var (key, value) in scenarios.Children)
        {
            var name = ((YamlScalarNode)key).Value ?? string.Empty;
            if (name.Length == 0 || name == "baseline")
            {
                throw new UsageException($"--scenarios {path}:{key.Start.Line}: a scenario needs a name other than 'baseline'.");
            }

            if (value is not YamlSequenceNode changes || changes.Children.Count == 0)
            {
                throw new UsageException($"--scenarios {path}:{value.Start.Line}: scenario '{name}' needs a list of changes (<path>=<value>[@<time>]).");
            }

            list.Add(new ForecastScenario(name, changes.Children.Select(c => Change(path, name, c)).ToArray()));
        }

        return list;
    }

    private static WhatIfChange Change(string path, string scenario, YamlNode node)
    {
        try
        {
            return WhatIfChange.Parse((node as YamlScalarNode)?.Value ?? string.Empty);
        }
        catch (ArgumentException e)
        {
            throw new UsageException($"--scenarios {path}:{node.Start.Line}: scenario '{scenario}': {e.Message.Split(" (Parameter", 2)[0]}");
        }
    }
}
