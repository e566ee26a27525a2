using System.Runtime.CompilerServices;
using System.Diagnostics.CodeAnalysis;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace ActorSim.Egress.Writers;

/// <summary>
/// JSON-escaped UTF-8 text (without quotes) of the short strings records repeat (key prefixes, path ids, statuses),
/// keyed by reference: a direct-mapped table of recent strings, its slot picked from the length and two characters so
/// that no hash is computed, in front of a bounded dictionary. Declines the strings <see cref="Utf8JsonWriter"/> must
/// handle itself: those with surrogates (it writes a lone one as <c>\uFFFD</c> in a key and rejects it in a path id or
/// status), long ones (so a text is at most 1.5 KB), and any new one once full.
/// </summary>
internal sealed class Utf8StringCache(JavaScriptEncoder encoder)
{
    private const int MaxLength = 256;
    private const int MaxEntries = 4096;
    private const int RecentBits = 6;
    private readonly Dictionary<string, PaddedUtf8?> _texts = new(ReferenceEqualityComparer.Instance);
    private readonly (string? Value, PaddedUtf8? Text)[] _recent = new (string?, PaddedUtf8?)[1 << RecentBits];

    /// <summary>The escaped text of <paramref name="value"/>, or false when it is not cached and cannot be.</summary>
    [MethodImpl(HotPath.Options)]
    public bool TryGet(string value, [NotNullWhen(true)] out PaddedUtf8? text)
    {
        ref var recent = ref _recent[Slot(value)];
        if (!ReferenceEquals(recent.Value, value))
        {
            if (!_texts.TryGetValue(value, out var cached))
            {
                if (_texts.Count >= MaxEntries)
                {
                    text = null;
                    return false;
                }

                cached = Encode(value);
                _texts.Add(value, cached);
            }

            recent = (value, cached);
        }

        text = recent.Text;
        return text is not null;
    }

    [MethodImpl(HotPath.Options)]
    private static int Slot(string value)
    {
        var length = value.Length;
        var mix = length == 0 ? 0u : (uint)((length * 31) + (value[length - 1] * 7) + value[length >> 1]);
        return (int)((mix * 0x9E3779B1u) >> (32 - RecentBits));
    }

    private PaddedUtf8? Encode(string value) =>
        value.Length > MaxLength || value.AsSpan().ContainsAnyInRange('\uD800', '\uDFFF')
            ? null
            : new PaddedUtf8(JsonEncodedText.Encode(value, encoder).EncodedUtf8Bytes);
}
