using ActorSim.Egress.Storage;

namespace ActorSim.Snapshots.Tests.Support;

/// <summary>A store that notes every path read from it.</summary>
public sealed class CountingStore(IObjectStore inner) : IObjectStore
{
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _reads = new();

    public IReadOnlyCollection<string> Reads => _reads;

    public string Location => inner.Location;

    public Task PutAsync(string path, ReadOnlyMemory<byte> content, CancellationToken cancellationToken) => inner.PutAsync(path, content, cancellationToken);

    public Task<IReadOnlyList<string>> ListAsync(string prefix, CancellationToken cancellationToken) => inner.ListAsync(prefix, cancellationToken);

    public Task<byte[]> ReadAsync(string path, CancellationToken cancellationToken)
    {
        _reads.Enqueue(path);
        return inner.ReadAsync(path, cancellationToken);
    }
}
