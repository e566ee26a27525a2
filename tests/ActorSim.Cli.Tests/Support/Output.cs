using System.Text.Json;

namespace ActorSim.Cli.Tests.Support;

/// <summary>Reads a destination folder as a user would: its chunk files, and the chunks its manifest lists.</summary>
internal static class Output
{
    /// <summary>The chunk files directly in <paramref name="folder"/> (not the manifest, marker or lock), sorted.</summary>
    public static string[] ChunkNames(string folder) =>
        Directory.GetFiles(folder).Select(Path.GetFileName).Where(n => !n!.StartsWith('_')).Order(StringComparer.Ordinal).ToArray()!;

    /// <summary>The manifest's runs, as JSON elements.</summary>
    public static JsonElement[] Runs(string folder)
    {
        using var json = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(folder, "_manifest.json")));
        return json.RootElement.GetProperty("runs").EnumerateArray().Select(r => r.Clone()).ToArray();
    }

    /// <summary>Each chunk of the manifest's last run as "path rows bytes sha256", in the manifest's order.</summary>
    public static string[] ManifestChunks(string folder) =>
        Runs(folder)[^1].GetProperty("chunks").EnumerateArray()
            .Select(c => $"{c.GetProperty("path").GetString()} {c.GetProperty("rows").GetInt64()} {c.GetProperty("bytes").GetInt64()} {c.GetProperty("sha256").GetString()}")
            .ToArray();
}
