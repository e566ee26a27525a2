using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace ActorSim.Blueprints.Internal;

/// <summary>
/// A YAML parser that remembers where the last event ended and which collections are open, to place failures the
/// parser does not locate itself (an unclosed '{' or '[' is reported where it was opened).
/// </summary>
internal sealed class TrackingParser(IParser inner) : IParser
{
    private readonly Stack<(Mark Start, char Bracket)> _open = new();

    public ParsingEvent? Current => inner.Current;

    /// <summary>The end of the last event read (line 1, column 1 before any).</summary>
    public Mark LastEnd { get; private set; } = new(0, 1, 1);

    /// <summary>The innermost open collection if it is a flow one ('{' or '['): where it starts and its bracket.</summary>
    public (Mark Start, char Bracket)? OpenFlow => _open.TryPeek(out var top) && top.Bracket != ' ' ? top : null;

    public bool MoveNext()
    {
        if (inner.Current is { } current)
        {
            LastEnd = current.End;
        }

        var moved = inner.MoveNext();
        switch (inner.Current)
        {
            case MappingStart start:
                _open.Push((start.Start, start.Style == MappingStyle.Flow ? '{' : ' '));
                break;
            case SequenceStart start:
                _open.Push((start.Start, start.Style == SequenceStyle.Flow ? '[' : ' '));
                break;
            case MappingEnd or SequenceEnd:
                _open.TryPop(out _);
                break;
        }

        return moved;
    }
}
