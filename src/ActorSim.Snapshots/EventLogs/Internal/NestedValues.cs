using System.Buffers;
using System.Text;
using System.Text.Json;

namespace ActorSim.Snapshots.EventLogs.Internal;

/// <summary>
/// The <c>path_id</c> and <c>status</c> of an unflattened event's value, which Parquet chunks hold as JSON text
/// (<c>{"path_id":"Line_A.lathe","status":"queued"}</c>). A log repeats a few such texts by the million, so each distinct
/// text is parsed once (up to <see cref="StringPool.MaxEntries"/> of them). Text that is not a JSON object — a custom
/// event's scalar, as JSON or, when flattened, as the plain string — has neither.
/// </summary>
internal sealed class NestedValues(StringPool strings)
{
    private readonly Dictionary<string, (string? PathId, string? Status)> _parsed = new(StringComparer.Ordinal);

    public (string? PathId, string? Status) Get(ReadOnlySpan<char> text)
    {
        var lookup = _parsed.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(text, out var known))
        {
            return known;
        }

        var parsed = Parse(text);
        if (_parsed.Count < StringPool.MaxEntries)
        {
            _parsed[text.ToString()] = parsed;
        }

        return parsed;
    }

    private (string? PathId, string? Status) Parse(ReadOnlySpan<char> text)
    {
        if (!text.TrimStart().StartsWith('{'))
        {
            return (null, null);
        }

        var buffer = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(text.Length));
        try
        {
            var json = new Utf8JsonReader(buffer.AsSpan(0, Encoding.UTF8.GetBytes(text, buffer)));
            json.Read();
            string? pathId = null, status = null;
            while (json.Read() && json.TokenType == JsonTokenType.PropertyName)
            {
                var isPath = json.ValueTextEquals("path_id"u8);
                var isStatus = !isPath && json.ValueTextEquals("status"u8);
                json.Read();
                if (json.TokenType == JsonTokenType.String && (isPath || isStatus))
                {
                    var value = strings.Get(json.GetString().AsSpan());
                    (pathId, status) = isPath ? (value, status) : (pathId, value);
                }
                else
                {
                    json.Skip();
                }
            }

            return (pathId, status);
        }
        catch (JsonException)
        {
            return (null, null); // a custom event's plain string that happens to start with '{'
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
