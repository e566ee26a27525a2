using ActorSim.Egress.Storage;

namespace ActorSim.Bench;

/// <summary>An object store that keeps nothing: isolates encoding from disk speed.</summary>
internal sealed class DiscardingStore : IObjectStore
{
    public string Location => "discard";

    public Task PutAsync(string path, ReadOnlyMemory<byte> content, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<IReadOnlyList<string>> ListAsync(string prefix, CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<string>>([]);

    public Task<byte[]> ReadAsync(string path, CancellationToken cancellationToken) => throw new FileNotFoundException(path);
}
