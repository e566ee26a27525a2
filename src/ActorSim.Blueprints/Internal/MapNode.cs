using YamlDotNet.RepresentationModel;

namespace ActorSim.Blueprints.Internal;

/// <summary>A mapping of a blueprint with its key path, for required and optional look-ups that fail at the right line.</summary>
internal sealed class MapNode
{
    private readonly Reader _reader;

    public MapNode(Reader reader, YamlMappingNode node, string path)
    {
        _reader = reader;
        Node = node;
        Path = path;
        var entries = new List<(string, YamlNode, YamlNode)>(node.Children.Count);
        foreach (var (key, value) in node.Children)
        {
            if (key is not YamlScalarNode { Value: { Length: > 0 } name })
            {
                throw reader.Error(key, path, "every key must be a plain name.");
            }

            entries.Add((name, key, value));
        }

        Entries = entries;
    }

    public YamlMappingNode Node { get; }

    public string Path { get; }

    /// <summary>The entries in file order: name, key node, value node.</summary>
    public IReadOnlyList<(string Name, YamlNode Key, YamlNode Value)> Entries { get; }

    public string PathOf(string key) => Reader.Child(Path, key);

    public YamlNode? Get(string key)
    {
        foreach (var (name, _, value) in Entries)
        {
            if (name == key)
            {
                return value;
            }
        }

        return null;
    }

    public YamlNode Require(string key) => Get(key) ?? throw _reader.Error(
        Node, PathOf(key), $"the required key '{key}' is missing{(Path.Length == 0 ? "" : $" from '{Path}'")}.");

    public string? Text(string key) => Get(key) is { } node ? _reader.Text(node, PathOf(key)) : null;

    public string RequireText(string key) => _reader.Text(Require(key), PathOf(key));

    public double? Number(string key) => Get(key) is { } node ? _reader.Number(node, PathOf(key)) : null;

    public double RequireNumber(string key) => _reader.Number(Require(key), PathOf(key));

    public int? WholeNumber(string key) => Get(key) is { } node ? _reader.WholeNumber(node, PathOf(key)) : null;

    public int RequireWholeNumber(string key) => _reader.WholeNumber(Require(key), PathOf(key));

    public bool? Flag(string key) => Get(key) is { } node ? _reader.Flag(node, PathOf(key)) : null;

    public double? Duration(string key) => Get(key) is { } node ? _reader.Duration(node, PathOf(key)) : null;
}
