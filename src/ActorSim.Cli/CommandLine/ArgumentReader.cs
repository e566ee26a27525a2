namespace ActorSim.Cli.CommandLine;

/// <summary>
/// Reads <c>--name value</c>, <c>--name=value</c> and bare <c>--flag</c> arguments against a fixed set of known
/// names; anything else is a <see cref="UsageException"/> naming it.
/// </summary>
internal sealed class ArgumentReader
{
    private readonly Dictionary<string, string?> _values = new(StringComparer.Ordinal);

    public ArgumentReader(IReadOnlyList<string> args, IReadOnlySet<string> valueOptions, IReadOnlySet<string> flags)
    {
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                throw new UsageException($"Unexpected argument '{arg}'. Options start with --; see --help.");
            }

            var eq = arg.IndexOf('=', StringComparison.Ordinal);
            var name = eq > 0 ? arg[2..eq] : arg[2..];
            if (flags.Contains(name))
            {
                if (eq > 0)
                {
                    throw new UsageException($"--{name} is a switch and takes no value.");
                }

                _values[name] = null;
            }
            else if (valueOptions.Contains(name))
            {
                string value;
                if (eq > 0)
                {
                    value = arg[(eq + 1)..];
                }
                else if (i + 1 < args.Count)
                {
                    value = args[++i];
                }
                else
                {
                    throw new UsageException($"--{name} needs a value.");
                }

                if (_values.ContainsKey(name))
                {
                    throw new UsageException($"--{name} is given twice.");
                }

                _values[name] = value;
            }
            else
            {
                var known = string.Join(", ", valueOptions.Concat(flags).Order(StringComparer.Ordinal).Select(n => "--" + n));
                throw new UsageException($"Unknown option '--{name}'. Known options: {known}.");
            }
        }
    }

    public bool Has(string name) => _values.ContainsKey(name);

    public string? Value(string name) => _values.TryGetValue(name, out var value) ? value : null;
}
