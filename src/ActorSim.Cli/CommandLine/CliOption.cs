using System.CommandLine;

namespace ActorSim.Cli.CommandLine;

/// <summary>
/// Builds options whose values are read by the CLI's own parse functions: a check's <see cref="UsageException"/>
/// becomes a parse error with the same message, reported with every other one. Values stay strings until
/// <see cref="History.HistoryCommand.Read"/> parses them: System.CommandLine's generic types instantiated over our
/// value types (<c>Option&lt;double?&gt;</c>, …) cannot be precompiled ReadyToRun, and JIT-compiling them cost every
/// run about 90 methods and 0.03 s at start.
/// </summary>
internal static class CliOption
{
    /// <summary>An option taking one value, shown in help as <c>--name &lt;<paramref name="helpName"/>&gt;</c>, checked by <paramref name="check"/> when given.</summary>
    public static Option<string> Value(string name, string helpName, string description, Action<string>? check = null)
    {
        var option = new Option<string>(name) { HelpName = helpName, Description = description };
        if (check is not null)
        {
            option.Validators.Add(result =>
            {
                if (result.Tokens.Count == 0)
                {
                    return;
                }

                try
                {
                    check(result.Tokens[^1].Value);
                }
                catch (UsageException e)
                {
                    result.AddError(e.Message);
                }
            });
        }

        return option;
    }

    /// <summary>
    /// An option whose value <paramref name="parse"/> makes once, at parse time (for values costly to make, such as a
    /// configuration file read); reference types only, whose generic code is shared and precompiled.
    /// </summary>
    public static Option<T?> Parsed<T>(string name, string helpName, string description, Func<string, T> parse)
        where T : class => new(name)
    {
        HelpName = helpName,
        Description = description,
        CustomParser = result =>
        {
            try
            {
                return parse(result.Tokens[^1].Value);
            }
            catch (UsageException e)
            {
                result.AddError(e.Message);
                return null;
            }
        },
    };

    /// <summary>A switch: present or not, no value (<c>--name=value</c> is refused).</summary>
    public static Option<bool> Switch(string name, string description) => new(name)
    {
        Description = description,
        Arity = ArgumentArity.Zero,
    };
}
