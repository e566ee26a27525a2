using ActorSim.Cli.CommandLine;

namespace ActorSim.Cli.History;

/// <summary>Plans a run from a YAML blueprint (<c>--model FILE.yaml</c>).</summary>
internal static class BlueprintPlanner
{
    public static HistoryPlan Plan(HistoryOptions options) =>
        throw new UsageException($"--model {options.ModelPath}: blueprints are not wired in yet.");
}
