using ActorSim.Egress.Storage;

namespace ActorSim.Snapshots.Tests.Support;

/// <summary>Objects in memory, listed as S3 lists them: every key, hidden names included, sorted ordinally.</summary>
public sealed class MemoryStore : IObjectStore
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, byte[]> _objects = new(StringComparer.Ordinal);

    public string Location => "memory://test";

    public Task PutAsync(string path, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        _objects[path] = content.ToArray();
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<string>> ListAsync(string prefix, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<string>>(_objects.Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList());

    public Task<byte[]> ReadAsync(string path, CancellationToken cancellationToken) =>
        _objects.TryGetValue(path, out var bytes) ? Task.FromResult(bytes) : throw new FileNotFoundException($"No object '{path}'.");
}
