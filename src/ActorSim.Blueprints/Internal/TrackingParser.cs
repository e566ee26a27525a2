using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace ActorSim.Blueprints.Internal;

/// <summary>A YAML parser that remembers where the last event ended, to place failures the parser does not locate itself.</summary>
internal sealed class TrackingParser(IParser inner) : IParser
{
    public ParsingEvent? Current => inner.Current;

    /// <summary>The end of the last event read (line 1, column 1 before any).</summary>
    public Mark LastEnd { get; private set; } = new(0, 1, 1);

    public bool MoveNext()
    {
        if (inner.Current is { } current)
        {
            LastEnd = current.End;
        }

        return inner.MoveNext();
    }
}
