using System.CommandLine;
using ActorSim.Cli.History;

namespace ActorSim.Cli.CommandLine;

/// <summary>
/// The <c>actorsim</c> command tree: the root (<c>--help</c>, <c>--version</c>, response files, the <c>[suggest]</c>
/// directive for shell completion) and its commands.
/// </summary>
internal static class CliCommands
{
    private const string Description = "actorsim — discrete-event simulation of production lines, into data.";

    private const string RootSection = "Run 'actorsim history --help' for the history job's options, environment variables and exit codes.";

    /// <summary>The root command with <paramref name="history"/> under it; without a command it shows its help.</summary>
    public static RootCommand Create(HistoryCommand history)
    {
        // Named here, not after the host: in tests the process is the test host.
        var root = new RootCommand(Description) { history.Command };
        root.HelpName = "actorsim";
        var help = HelpWithSections.Install(root, new Dictionary<Command, string> { [root] = RootSection, [history.Command] = HistoryCommand.HelpSections });
        root.SetAction(help.Invoke);
        return root;
    }
}
