using System.Collections.Concurrent;
using ActorSim.Egress.Storage;

namespace ActorSim.Egress.Tests.Support;

/// <summary>An in-memory store; subclasses slow it down, stall it or make it fail.</summary>
public class MemoryStore : IObjectStore
{
    public ConcurrentDictionary<string, byte[]> Objects { get; } = new(StringComparer.Ordinal);

    public virtual string Location => "memory";

    public virtual Task PutAsync(string path, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        Objects[path] = content.ToArray();
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<string>> ListAsync(string prefix, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<string>>(Objects.Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList());

    public Task<byte[]> ReadAsync(string path, CancellationToken cancellationToken) => Task.FromResult(Objects[path]);
}
