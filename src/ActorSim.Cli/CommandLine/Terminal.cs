using Spectre.Console;

namespace ActorSim.Cli.CommandLine;

/// <summary>
/// Whether a writer is this process's own terminal, and a Spectre console bound to one. Only terminals get Spectre's
/// live displays and tables; any other writer (a pipe, a file, a test's <see cref="StringWriter"/>) gets plain lines.
/// </summary>
internal static class Terminal
{
    /// <summary>True when <paramref name="writer"/> is the process's standard output or error and that is not redirected.</summary>
    public static bool Is(TextWriter writer) =>
        (ReferenceEquals(writer, System.Console.Out) && !System.Console.IsOutputRedirected) || (ReferenceEquals(writer, System.Console.Error) && !System.Console.IsErrorRedirected);

    /// <summary>
    /// A Spectre console writing to <paramref name="writer"/>: on a terminal colours and cursor movement as the terminal
    /// supports them (NO_COLOR and TERM are honoured); on anything else no ANSI sequence at all.
    /// </summary>
    public static IAnsiConsole ConsoleFor(TextWriter writer)
    {
        var terminal = Is(writer);
        return AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = terminal ? InteractionSupport.Detect : InteractionSupport.No,
        });
    }
}
