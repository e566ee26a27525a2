using System.Text.Json;
using ActorSim.Egress.Tests.Support;

namespace ActorSim.Cli.Tests.Support;

/// <summary>Checks that a destination folder holds only whole chunk files, read back by independent readers.</summary>
internal static class ChunkFiles
{
    /// <summary>
    /// Every file is a whole chunk: no temporary file is left, every JSONL line parses and the file ends with its
    /// newline, every Parquet file is read by DuckDB. Files whose names start with '_' (a run's own notes, which
    /// readers such as Spark skip) are not chunks. Returns the number of chunk files.
    /// </summary>
    public static int AssertWhole(string folder)
    {
        var all = Directory.Exists(folder) ? Directory.GetFiles(folder, "*", SearchOption.AllDirectories) : [];
        Assert.DoesNotContain(all, f => f.EndsWith(".tmp", StringComparison.Ordinal) || Path.GetFileName(f).StartsWith('.'));
        var files = all.Where(f => !Path.GetFileName(f).StartsWith('_')).ToArray();
        foreach (var file in files)
        {
            switch (Path.GetExtension(file))
            {
                case ".jsonl":
                    var text = File.ReadAllText(file);
                    Assert.True(text.EndsWith('\n'), $"{file} does not end with a newline: a half file");
                    foreach (var line in text.AsSpan(0, text.Length - 1).EnumerateLines())
                    {
                        using var record = JsonDocument.Parse(line.ToString());
                        Assert.Equal(JsonValueKind.Object, record.RootElement.ValueKind);
                    }

                    break;
                case ".parquet":
                    var rows = DuckDb.Query($"SELECT count(*) FROM read_parquet('{file}')");
                    Assert.True(Convert.ToInt64(rows[0][0]) > 0, $"{file} has no rows");
                    break;
                default:
                    Assert.Fail($"{file} is not a chunk file");
                    break;
            }
        }

        return files.Length;
    }

    /// <summary>Every chunk file below <paramref name="root"/> (not the run's own '_' files), by relative path in ordinal order, with its bytes in hex: to compare two outputs byte for byte.</summary>
    public static List<(string Path, string Bytes)> Contents(string root) =>
        Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .Where(f => !f.StartsWith('_'))
            .Order(StringComparer.Ordinal)
            .Select(f => (f, Convert.ToHexString(File.ReadAllBytes(Path.Combine(root, f)))))
            .ToList();
}
