using System.CommandLine;
using System.CommandLine.Parsing;

namespace ActorSim.Cli.CommandLine;

/// <summary>
/// Builds options whose values are read by the CLI's own parse functions: a parse function's
/// <see cref="UsageException"/> becomes a parse error with the same message, reported with every other one.
/// </summary>
internal static class CliOption
{
    /// <summary>An option taking one value, shown in help as <c>--name &lt;<paramref name="helpName"/>&gt;</c>.</summary>
    public static Option<T> Value<T>(string name, string helpName, string description, Func<string, T> parse) => new(name)
    {
        HelpName = helpName,
        Description = description,
        CustomParser = result => Parse(result, parse),
    };

    /// <summary>A switch: present or not, no value (<c>--name=value</c> is refused).</summary>
    public static Option<bool> Switch(string name, string description) => new(name)
    {
        Description = description,
        Arity = ArgumentArity.Zero,
    };

    private static T? Parse<T>(ArgumentResult result, Func<string, T> parse)
    {
        try
        {
            return parse(result.Tokens[^1].Value);
        }
        catch (UsageException e)
        {
            result.AddError(e.Message);
            return default;
        }
    }
}
