using System.Text.Json;
using System.Text.Json.Serialization;

namespace ActorSim.Egress.Destinations;

/// <summary>Reads and writes <c>_manifest.json</c> and the lock: snake_case keys, enum values in lowercase, indented, no needless escapes.</summary>
internal static class ManifestJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    public static byte[] Write<T>(T value) => JsonSerializer.SerializeToUtf8Bytes(value, Options);

    public static T Read<T>(byte[] json, string what)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(json, Options) ?? throw new JsonException("it is null");
        }
        catch (JsonException e)
        {
            throw new DestinationException($"{what} is not a readable ActorSim file ({e.Message}); remove it or choose another destination.");
        }
    }
}
