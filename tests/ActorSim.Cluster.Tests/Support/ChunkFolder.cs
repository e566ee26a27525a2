namespace ActorSim.Cluster.Tests.Support;

/// <summary>The chunk files of an output folder, to compare two outputs byte for byte.</summary>
internal static class ChunkFolder
{
    /// <summary>Every file below <paramref name="root"/> that <paramref name="keep"/> accepts (by relative path), in ordinal order, with its bytes in hex.</summary>
    public static IReadOnlyList<(string Path, string Bytes)> Contents(string root, Func<string, bool> keep) =>
        Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .Where(keep)
            .Order(StringComparer.Ordinal)
            .Select(f => (f, Convert.ToHexString(File.ReadAllBytes(Path.Combine(root, f)))))
            .ToList();
}
