using System.Runtime.CompilerServices;
using System.Text;

namespace ActorSim.Snapshots.EventLogs.Internal;

/// <summary>
/// One string per distinct text for the few values repeated by the million (path ids, statuses, stream types), so
/// reading them allocates nothing after their first sighting. UTF-8 text is matched first against a small table of
/// recent bytes, then decoded and looked up. After <see cref="MaxEntries"/> distinct texts new ones are not kept.
/// </summary>
internal sealed class StringPool
{
    public const int MaxEntries = 4096;

    private const int Slots = 256;

    private readonly Dictionary<string, string> _strings = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _byChars;
    private readonly byte[]?[] _recentBytes = new byte[Slots][];
    private readonly string?[] _recentStrings = new string[Slots];

    public StringPool() => _byChars = _strings.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The string for <paramref name="chars"/>.</summary>
    public string Get(ReadOnlySpan<char> chars)
    {
        if (_byChars.TryGetValue(chars, out var known))
        {
            return known;
        }

        var text = chars.ToString();
        if (_strings.Count < MaxEntries)
        {
            _strings[text] = text;
        }

        return text;
    }

    /// <summary>The string for unescaped UTF-8 <paramref name="utf8"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public string Get(ReadOnlySpan<byte> utf8)
    {
        var slot = Slot(utf8);
        if (_recentBytes[slot] is { } bytes && utf8.SequenceEqual(bytes))
        {
            return _recentStrings[slot]!;
        }

        return Miss(utf8, slot);
    }

    private string Miss(ReadOnlySpan<byte> utf8, int slot)
    {
        string text;
        if (utf8.Length <= 256)
        {
            Span<char> chars = stackalloc char[256];
            text = Get(chars[..Encoding.UTF8.GetChars(utf8, chars)]);
        }
        else
        {
            text = Get(Encoding.UTF8.GetString(utf8).AsSpan());
        }

        _recentBytes[slot] = utf8.ToArray();
        _recentStrings[slot] = text;
        return text;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Slot(ReadOnlySpan<byte> utf8)
    {
        if (utf8.IsEmpty)
        {
            return 0;
        }

        var h = (uint)utf8.Length * 31u;
        h = (h ^ utf8[^1]) * 16777619u;
        h = (h ^ utf8[utf8.Length / 2]) * 16777619u;
        h = (h ^ utf8[utf8.Length * 3 / 4]) * 16777619u;
        return (int)(h >> 24);
    }
}
