using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace ActorSim.Cli.CommandLine;

/// <summary>
/// The generated help, followed by sections of text that are not options (environment variables, exit codes) for the
/// commands that have them.
/// </summary>
internal sealed class HelpWithSections(HelpAction help, IReadOnlyDictionary<Command, string> sections) : SynchronousCommandLineAction
{
    /// <summary>Help's own: other parse errors do not stop <c>--help</c>.</summary>
    public override bool ClearsParseErrors => help.ClearsParseErrors;

    public override int Invoke(ParseResult parseResult)
    {
        var code = help.Invoke(parseResult);
        if (sections.TryGetValue(parseResult.CommandResult.Command, out var text))
        {
            var output = parseResult.InvocationConfiguration.Output;
            output.WriteLine(text.TrimEnd());
            output.WriteLine();
        }

        return code;
    }

    /// <summary>Replaces the help action of <paramref name="root"/>'s <c>--help</c> with one that adds <paramref name="sections"/>.</summary>
    public static HelpWithSections Install(RootCommand root, IReadOnlyDictionary<Command, string> sections)
    {
        var option = root.Options.OfType<HelpOption>().Single();
        var help = new HelpWithSections((HelpAction)option.Action!, sections);
        option.Action = help;
        return help;
    }
}
