using System.CommandLine;
using System.CommandLine.Parsing;

namespace ActorSim.Cli.CommandLine;

/// <summary>
/// A failed parse as messages: System.CommandLine's own for values (and the CLI's, raised by <see cref="CliOption"/>),
/// and for tokens no command or option took, what they were taken for (an unknown option or command, a value given to
/// a switch) with the names they were most likely meant to be and where to look.
/// </summary>
internal static class ParseErrorText
{
    /// <summary>One message per problem, in command-line order for unmatched tokens.</summary>
    public static IEnumerable<string> Messages(ParseResult parse)
    {
        var unmatched = parse.UnmatchedTokens;
        foreach (var error in parse.Errors)
        {
            // The parser's "Unrecognized command or argument 'x'." for each unmatched token is said better below.
            if (error.SymbolResult is CommandResult && unmatched.Any(t => error.Message.Contains($"'{t}'", StringComparison.Ordinal)))
            {
                continue;
            }

            yield return error.Message;
        }

        var command = parse.CommandResult.Command;
        var help = $"See '{Usage(command)} --help'.";
        var left = unmatched.ToList();
        var afterUnknownOption = false;
        for (var i = 0; i < parse.Tokens.Count && left.Count > 0; i++)
        {
            var token = parse.Tokens[i];
            if (token.Type != TokenType.Argument || !left.Remove(token.Value))
            {
                afterUnknownOption = false;
                continue;
            }

            if (afterUnknownOption && !token.Value.StartsWith('-'))
            {
                // The unknown option's value: the option is the mistake.
                afterUnknownOption = false;
                continue;
            }

            afterUnknownOption = token.Value.StartsWith('-');
            if (i > 0 && parse.Tokens[i - 1] is { Type: TokenType.Option } before && Options(command).FirstOrDefault(o => Names(o).Contains(before.Value)) is
                { Arity.MaximumNumberOfValues: 0 } flag)
            {
                yield return $"{flag.Name} is a switch and takes no value.";
            }
            else if (afterUnknownOption && command.Subcommands.Prepend(command).FirstOrDefault(c => OptionNames(c).Contains(token.Value)) is { } owner)
            {
                // Given before the command it belongs to ('actorsim --duration 1 history').
                yield return $"Unknown option '{token.Value}' here: it is an option of {owner.Name}, as in '{Usage(owner)} {token.Value} ...'. {help}";
            }
            else if (afterUnknownOption)
            {
                yield return $"Unknown option '{token.Value}'.{DidYouMean(token.Value, OptionNames(command))} {help}";
            }
            else if (command is RootCommand)
            {
                var commands = command.Subcommands.Where(c => !c.Hidden).Select(c => c.Name).ToList();
                yield return $"Unknown command '{token.Value}'.{DidYouMean(token.Value, commands)} Commands: {string.Join(", ", commands)}. {help}";
            }
            else
            {
                yield return $"Unexpected argument '{token.Value}': {Usage(command)} takes options only, each starting with --. {help}";
            }
        }
    }

    private static string Usage(Command command) => command is RootCommand root ? root.HelpName ?? root.Name : $"{Usage((Command)command.Parents.First())} {command.Name}";

    /// <summary>The options valid on <paramref name="command"/>: its own and the recursive ones of the commands above it.</summary>
    private static IEnumerable<Option> Options(Command command) =>
        command.Options.Concat(command.Parents.OfType<Command>().SelectMany(p => p.Options.Where(o => o.Recursive)));

    private static IEnumerable<string> OptionNames(Command command) => Options(command).Where(o => !o.Hidden).SelectMany(Names);

    private static IEnumerable<string> Names(Option option) => option.Aliases.Prepend(option.Name);

    private static string DidYouMean(string token, IEnumerable<string> names) => TypoSuggestion.For(token, names) switch
    {
        [] => string.Empty,
        var suggestions => $" Did you mean {string.Join(" or ", suggestions)}?",
    };
}
