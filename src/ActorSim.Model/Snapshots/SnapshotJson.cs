using System.Text.Json;
using System.Text.Json.Serialization;

namespace ActorSim.Model.Snapshots;

/// <summary>
/// Writes and reads <see cref="ModelSnapshot"/>s as JSON: snake_case names, enums as words, absent values left out,
/// numbers in their shortest exact form. A document written, read back and written again is the same text. Reading
/// refuses unknown names, a missing required value, another format or a newer version, naming the JSON path; the
/// rules that need the model are <see cref="SnapshotValidator"/>'s.
/// </summary>
public static class SnapshotJson
{
    private static readonly JsonSerializerOptions Options = CreateOptions(indented: true);
    private static readonly JsonSerializerOptions CompactOptions = CreateOptions(indented: false);

    /// <summary>The snapshot as indented JSON text.</summary>
    public static string Write(ModelSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return JsonSerializer.Serialize(snapshot, Options) + "\n";
    }

    /// <summary>Reads a snapshot from <paramref name="json"/>; <paramref name="source"/> names it in errors.</summary>
    /// <exception cref="SnapshotException">Malformed JSON, an unknown or missing name, another format or version.</exception>
    public static ModelSnapshot Read(string json, string source)
    {
        ArgumentNullException.ThrowIfNull(json);
        ModelSnapshot? snapshot;
        try
        {
            CheckFormat(json, source);
            snapshot = JsonSerializer.Deserialize<ModelSnapshot>(json, Options);
        }
        catch (JsonException e)
        {
            var path = PathOf(e.Path);
            var rule = e.Message.Split(" Path: ", 2)[0];
            throw new SnapshotException($"{source}: {(path.Length == 0 ? string.Empty : path + ": ")}{rule}", e);
        }

        return snapshot ?? throw new SnapshotException($"{source}: the document is null; a snapshot is a JSON object.");
    }

    /// <summary>One line's state as JSON (compact), to send between processes.</summary>
    public static string WriteLine(LineSnapshot line) => JsonSerializer.Serialize(line, CompactOptions);

    /// <summary>Reads one line's state written by <see cref="WriteLine"/>.</summary>
    public static LineSnapshot ReadLine(string json) =>
        JsonSerializer.Deserialize<LineSnapshot>(json, CompactOptions) ?? throw new SnapshotException("A line's state is a JSON object, not null.");

    /// <summary>Writes a snapshot nested in another document (a run description) as this class writes it alone.</summary>
    public sealed class Converter : JsonConverter<ModelSnapshot>
    {
        /// <inheritdoc />
        public override ModelSnapshot? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            using var document = JsonDocument.ParseValue(ref reader);
            return SnapshotJson.Read(document.RootElement.GetRawText(), "the run's snapshot");
        }

        /// <inheritdoc />
        public override void Write(Utf8JsonWriter writer, ModelSnapshot value, JsonSerializerOptions options)
        {
            ArgumentNullException.ThrowIfNull(writer);
            JsonSerializer.Serialize(writer, value, Options);
        }
    }

    /// <summary>'$.lines[0].since' as 'lines[0].since'.</summary>
    internal static string PathOf(string? jsonPath) => jsonPath is null or "$" ? string.Empty : jsonPath.StartsWith("$.", StringComparison.Ordinal) ? jsonPath[2..] : jsonPath.TrimStart('$');

    private static void CheckFormat(string json, string source)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new SnapshotException($"{source}: a snapshot is a JSON object; found {root.ValueKind}.");
        }

        if (!root.TryGetProperty("format", out var format) || format.ValueKind != JsonValueKind.String || format.GetString() != ModelSnapshot.FormatName)
        {
            throw new SnapshotException($"{source}: format: must be \"{ModelSnapshot.FormatName}\"; this is not an ActorSim snapshot.");
        }

        if (!root.TryGetProperty("version", out var version) || version.ValueKind != JsonValueKind.Number || !version.TryGetInt32(out var number))
        {
            throw new SnapshotException($"{source}: version: must be a whole number.");
        }

        if (number != ModelSnapshot.CurrentVersion)
        {
            throw new SnapshotException(
                $"{source}: version: {number} is not supported; this ActorSim reads version {ModelSnapshot.CurrentVersion}{(number > ModelSnapshot.CurrentVersion ? " (the snapshot was written by a newer ActorSim)" : string.Empty)}.");
        }
    }

    private static JsonSerializerOptions CreateOptions(bool indented)
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            DictionaryKeyPolicy = null,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            WriteIndented = indented,
            RespectNullableAnnotations = true,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false));
        options.Converters.Add(new PlainValueConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
