using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace ActorSim.Egress.Destinations;

/// <summary>
/// Writes and reads <c>_manifest.json</c> and the lock: snake_case keys, statuses in lowercase, indented. Written with
/// <see cref="Utf8JsonWriter"/> and read with <see cref="JsonDocument"/> rather than the serializer, whose generic
/// metadata a fresh process would JIT on every run (about 80 ms measured on the history job's start).
/// </summary>
internal static class ManifestJson
{
    private static readonly JsonWriterOptions Indented = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static byte[] Write(RunManifest manifest) => Write(json =>
    {
        json.WriteString("format", manifest.Format);
        json.WriteStartArray("runs");
        foreach (var run in manifest.Runs)
        {
            WriteRun(json, run);
        }

        json.WriteEndArray();
    });

    public static byte[] Write(DestinationLock holder) => Write(json =>
    {
        json.WriteString("run_id", holder.RunId);
        json.WriteString("host", holder.Host);
        json.WriteNumber("pid", holder.Pid);
        json.WriteString("since", holder.Since);
    });

    public static RunManifest ReadManifest(byte[] bytes, string what) => Read(bytes, what, root => new RunManifest
    {
        Format = root.GetProperty("format").GetString()!,
        Runs = root.GetProperty("runs").EnumerateArray().Select(ReadRun).ToList(),
    });

    public static DestinationLock ReadLock(byte[] bytes, string what) => Read(bytes, what, root => new DestinationLock(
        root.GetProperty("run_id").GetString()!, root.GetProperty("host").GetString()!, root.GetProperty("pid").GetInt32(), root.GetProperty("since").GetDateTime()));

    private static byte[] Write(Action<Utf8JsonWriter> body)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer, Indented))
        {
            json.WriteStartObject();
            body(json);
            json.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static void WriteRun(Utf8JsonWriter json, ManifestRun run)
    {
        json.WriteStartObject();
        json.WriteString("run_id", run.RunId);
        json.WriteString("status", Status(run.Status));
        json.WriteString("message", run.Message);
        json.WriteString("model", run.Model);
        json.WriteString("model_hash", run.ModelHash);
        json.WriteNumber("seed", run.Seed);
        json.WriteString("start", run.Start);
        json.WriteNumber("duration_seconds", run.DurationSeconds);
        json.WriteString("engine", run.Engine);
        json.WriteString("tool", run.Tool);
        json.WriteString("started_at", run.StartedAt);
        json.WriteString("finished_at", run.FinishedAt);
        json.WriteStartArray("sinks");
        foreach (var sink in run.Sinks)
        {
            json.WriteStartObject();
            json.WriteString("line", sink.Line);
            json.WriteString("sink", sink.Sink);
            WriteNullable(json, "published", sink.Published);
            json.WriteNumber("written", sink.Written);
            WriteNullable(json, "dropped", sink.Dropped);
            json.WriteNumber("chunks", sink.Chunks);
            json.WriteNumber("bytes", sink.Bytes);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("chunks");
        foreach (var chunk in run.Chunks)
        {
            json.WriteStartObject();
            json.WriteString("path", chunk.Path);
            json.WriteString("line", chunk.Line);
            json.WriteString("sink", chunk.Sink);
            json.WriteNumber("rows", chunk.Rows);
            json.WriteNumber("bytes", chunk.Bytes);
            json.WriteString("sha256", chunk.Sha256);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static ManifestRun ReadRun(JsonElement run) => new()
    {
        RunId = run.GetProperty("run_id").GetString()!,
        Status = Enum.Parse<RunStatus>(run.GetProperty("status").GetString()!, ignoreCase: true),
        Message = run.GetProperty("message").GetString(),
        Model = run.GetProperty("model").GetString()!,
        ModelHash = run.GetProperty("model_hash").GetString()!,
        Seed = run.GetProperty("seed").GetUInt64(),
        Start = run.GetProperty("start").GetDateTime(),
        DurationSeconds = run.GetProperty("duration_seconds").GetDouble(),
        Engine = run.GetProperty("engine").GetString()!,
        Tool = run.GetProperty("tool").GetString()!,
        StartedAt = run.GetProperty("started_at").GetDateTime(),
        FinishedAt = run.GetProperty("finished_at").GetDateTime(),
        Sinks = run.GetProperty("sinks").EnumerateArray().Select(s => new ManifestSink(
            s.GetProperty("line").GetString()!, s.GetProperty("sink").GetString()!, Nullable(s.GetProperty("published")), s.GetProperty("written").GetInt64(),
            Nullable(s.GetProperty("dropped")), s.GetProperty("chunks").GetInt32(), s.GetProperty("bytes").GetInt64())).ToList(),
        Chunks = run.GetProperty("chunks").EnumerateArray().Select(c => new ManifestChunk(
            c.GetProperty("path").GetString()!, c.GetProperty("line").GetString()!, c.GetProperty("sink").GetString()!,
            c.GetProperty("rows").GetInt64(), c.GetProperty("bytes").GetInt64(), c.GetProperty("sha256").GetString()!)).ToList(),
    };

    private static T Read<T>(byte[] bytes, string what, Func<JsonElement, T> read)
    {
        try
        {
            using var document = JsonDocument.Parse(bytes);
            return read(document.RootElement);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException or ArgumentException)
        {
            throw new DestinationException($"{what} is not a readable ActorSim file ({e.Message}); remove it or choose another destination.");
        }
    }

    private static string Status(RunStatus status) => status switch
    {
        RunStatus.Succeeded => "succeeded",
        RunStatus.Stopped => "stopped",
        _ => "failed",
    };

    private static void WriteNullable(Utf8JsonWriter json, string name, long? value)
    {
        if (value is { } v)
        {
            json.WriteNumber(name, v);
        }
        else
        {
            json.WriteNull(name);
        }
    }

    private static long? Nullable(JsonElement value) => value.ValueKind == JsonValueKind.Null ? null : value.GetInt64();
}
