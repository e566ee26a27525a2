using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace ActorSim.Egress.Writers;

/// <summary>
/// Pre-encoded JSON text for the few strings records repeat (path ids, statuses), keyed by reference so a lookup costs a
/// pointer hash; stops growing past a bound so unique strings cannot bloat it.
/// </summary>
internal sealed class EncodedTextCache(JavaScriptEncoder encoder)
{
    private const int MaxEntries = 4096;
    private readonly Dictionary<string, JsonEncodedText> _texts = new(ReferenceEqualityComparer.Instance);

    /// <summary>Writes <paramref name="value"/> as the string property <paramref name="name"/>.</summary>
    public void WriteString(Utf8JsonWriter json, JsonEncodedText name, string value)
    {
        ref var text = ref CollectionsMarshal.GetValueRefOrNullRef(_texts, value);
        if (!Unsafe.IsNullRef(ref text))
        {
            json.WriteString(name, text);
            return;
        }

        if (_texts.Count < MaxEntries)
        {
            var encoded = JsonEncodedText.Encode(value, encoder);
            _texts[value] = encoded;
            json.WriteString(name, encoded);
            return;
        }

        json.WriteString(name, value);
    }
}
