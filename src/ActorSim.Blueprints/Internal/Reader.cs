using YamlDotNet.RepresentationModel;

namespace ActorSim.Blueprints.Internal;

/// <summary>
/// Reads nodes of one blueprint: scalars after <c>${VAR}</c> substitution, converted to the expected type, and
/// every failure turned into a <see cref="BlueprintException"/> at the node's line and column.
/// </summary>
internal sealed class Reader
{
    public Reader(string sourceName, BlueprintOptions options)
    {
        SourceName = sourceName;
        Options = options;
    }

    public string SourceName { get; }

    public BlueprintOptions Options { get; }

    public static string Child(string path, string key) => path.Length == 0 ? key : $"{path}.{key}";

    public BlueprintException Error(YamlNode node, string path, string problem, Exception? inner = null) =>
        new(SourceName, node.Start.Line, node.Start.Column, path, problem, inner);

    /// <summary>The node as a mapping whose keys are all among <paramref name="allowed"/>.</summary>
    public MapNode Map(YamlNode node, string path, IReadOnlyCollection<string> allowed)
    {
        var map = AnyMap(node, path, $"a mapping with the keys {string.Join(", ", allowed)}");
        foreach (var (name, key, _) in map.Entries)
        {
            if (!allowed.Contains(name))
            {
                throw Error(key, Child(path, name), $"unknown key '{name}'; the keys allowed here are {string.Join(", ", allowed)}.");
            }
        }

        return map;
    }

    /// <summary>The node as a mapping of names (resources, tasks...) to definitions; <paramref name="what"/> says what is expected.</summary>
    public MapNode AnyMap(YamlNode node, string path, string what)
    {
        if (node is not YamlMappingNode mapping)
        {
            throw Error(node, path, $"expected {what}, got {Describe(node)}.");
        }

        return new MapNode(this, mapping, path);
    }

    /// <summary>The items of a sequence with their paths (<c>path[i]</c>).</summary>
    public IReadOnlyList<(YamlNode Node, string Path)> Sequence(YamlNode node, string path, string what)
    {
        if (node is not YamlSequenceNode sequence)
        {
            throw Error(node, path, $"expected a list of {what}, got {Describe(node)}.");
        }

        return sequence.Children.Select((child, i) => (child, $"{path}[{i}]")).ToArray();
    }

    /// <summary>The scalar's text after <c>${VAR}</c> substitution; an empty or null scalar is an error.</summary>
    public string Text(YamlNode node, string path)
    {
        var scalar = Scalar(node, path);
        if (scalar.Value is null || (scalar.Style == YamlDotNet.Core.ScalarStyle.Plain && Scalars.IsNull(scalar.Value)))
        {
            throw Error(node, path, "a value is required here, got nothing (null).");
        }

        return Substitute(scalar, path);
    }

    public double Number(YamlNode node, string path)
    {
        var text = Text(node, path);
        return Scalars.TryNumber(text, out var value) ? value : throw Error(node, path, $"expected a finite number, got '{text}'.");
    }

    public int WholeNumber(YamlNode node, string path)
    {
        var text = Text(node, path);
        return Scalars.TryInt(text, out var value) ? value : throw Error(node, path, $"expected a whole number, got '{text}'.");
    }

    public bool Flag(YamlNode node, string path)
    {
        var text = Text(node, path);
        return Scalars.TryBool(text, out var value) ? value : throw Error(node, path, $"expected true or false, got '{text}'.");
    }

    public double Duration(YamlNode node, string path)
    {
        var text = Text(node, path);
        try
        {
            var seconds = Model.Time.Durations.ParseSeconds(text);
            return seconds >= 0 ? seconds : throw Error(node, path, $"expected a duration of zero or more, got '{text}'.");
        }
        catch (FormatException e)
        {
            throw Error(node, path, e.Message, e);
        }
    }

    /// <summary>A value typed as YAML writes it: plain <c>6</c> → int, <c>6.5</c> → double, <c>true</c> → bool, anything quoted or else → string.</summary>
    public object Typed(YamlNode node, string path)
    {
        var text = Text(node, path);
        var scalar = (YamlScalarNode)node;
        return scalar.Style == YamlDotNet.Core.ScalarStyle.Plain ? Scalars.Infer(text) : text;
    }

    /// <summary>Runs a builder call, moving its <see cref="ArgumentException"/> to the node's location.</summary>
    public T Guard<T>(YamlNode node, string path, Func<T> action)
    {
        try
        {
            return action();
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or FormatException)
        {
            throw Error(node, path, Problem(e), e);
        }
    }

    /// <summary>A builder's message without the <c>(Parameter 'x')</c> and <c>Actual value was</c> suffixes .NET adds.</summary>
    public static string Problem(Exception e)
    {
        var end = e is ArgumentException { ParamName: { } name } ? e.Message.IndexOf($" (Parameter '{name}')", StringComparison.Ordinal) : -1;
        return end >= 0 ? e.Message[..end] : e.Message;
    }

    /// <summary>Throws at <paramref name="key"/> unless <paramref name="name"/> can be a registry path segment.</summary>
    public void EnsureName(YamlNode key, string path, string name)
    {
        if (name.Any(c => c == '.' || char.IsWhiteSpace(c)))
        {
            throw Error(key, path, $"the name '{name}' must not contain dots or spaces: dots separate registry path segments.");
        }
    }

    private YamlScalarNode Scalar(YamlNode node, string path) =>
        node as YamlScalarNode ?? throw Error(node, path, $"expected a single value, got {Describe(node)}.");

    private string Substitute(YamlScalarNode scalar, string path)
    {
        var text = EnvironmentSubstitution.Apply(scalar.Value!, Options.Environment, out var unset);
        return unset is null
            ? text
            : throw Error(scalar, path, $"the environment variable '{unset}' is not set; set it or give a default as ${{{unset}:-value}}.");
    }

    private static string Describe(YamlNode node) => node switch
    {
        YamlMappingNode => "a mapping",
        YamlSequenceNode => "a list",
        YamlScalarNode { Value: null or "" } => "nothing",
        YamlScalarNode s => $"'{s.Value}'",
        _ => "an alias",
    };
}
