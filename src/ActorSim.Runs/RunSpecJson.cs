using System.Text.Json;
using System.Text.Json.Serialization;

namespace ActorSim.Runs;

/// <summary>
/// A <see cref="RunSpec"/> as JSON: enums by name, times as ISO 8601 (a time without zone stays without zone), so a
/// spec written by one process is read back equal by another.
/// </summary>
public static class RunSpecJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = false,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        IgnoreReadOnlyProperties = true,
    };

    /// <summary>The spec as JSON text.</summary>
    public static string Write(RunSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return JsonSerializer.Serialize(spec, Options);
    }

    /// <summary>Reads a spec written by <see cref="Write"/>; malformed JSON or an unknown key is a <see cref="RunSpecException"/> naming it.</summary>
    public static RunSpec Read(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            return JsonSerializer.Deserialize<RunSpec>(json, Options) ?? throw new RunSpecException("A run description is a JSON object, not null.");
        }
        catch (JsonException e)
        {
            throw new RunSpecException($"The run description is not valid: {e.Message}", e);
        }
    }
}
