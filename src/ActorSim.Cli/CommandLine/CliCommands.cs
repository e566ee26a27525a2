using System.CommandLine;
using ActorSim.Cli.Forecast;
using ActorSim.Cli.History;
using ActorSim.Cli.Node;
using ActorSim.Cli.Snapshot;

namespace ActorSim.Cli.CommandLine;

/// <summary>
/// The <c>actorsim</c> command tree: the root (<c>--help</c>, <c>--version</c>, response files, the <c>[suggest]</c>
/// directive for shell completion) and its commands.
/// </summary>
internal static class CliCommands
{
    private const string Description = "actorsim — discrete-event simulation of production lines, into data.";

    private const string RootSection = "Run 'actorsim history --help' for the history job's options, environment variables and exit codes, 'actorsim snapshot --help' for snapshots, 'actorsim forecast --help' for forecasts, 'actorsim node --help' for cluster nodes.";

    /// <summary>The root command with <paramref name="history"/>, <paramref name="snapshot"/>, <paramref name="forecast"/> and <paramref name="node"/> under it; without a command it shows its help.</summary>
    public static RootCommand Create(HistoryCommand history, SnapshotCommand snapshot, ForecastCommand forecast, NodeCommand node)
    {
        // Named here, not after the host: in tests the process is the test host.
        var root = new RootCommand(Description) { history.Command, snapshot.Command, forecast.Command, node.Command };
        root.HelpName = "actorsim";
        var help = HelpWithSections.Install(
            root, new Dictionary<Command, string> { [root] = RootSection, [history.Command] = HistoryCommand.HelpSections, [snapshot.Command] = SnapshotCommand.HelpSections, [forecast.Command] = ForecastCommand.HelpSections, [node.Command] = NodeCommand.HelpSections });
        root.SetAction(help.Invoke);
        return root;
    }
}
