using ActorSim.Egress.Storage;

namespace ActorSim.Actors.Tests.Support;

/// <summary>An object store that takes <c>delay</c> per chunk and then keeps it: a sink that is slow but makes progress.</summary>
internal sealed class SlowStore(TimeSpan delay) : IObjectStore
{
    private int _chunks;

    public string Location => "slow";

    public int Chunks => Volatile.Read(ref _chunks);

    public async Task PutAsync(string path, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        await Task.Delay(delay, cancellationToken);
        Interlocked.Increment(ref _chunks);
    }

    public Task<IReadOnlyList<string>> ListAsync(string prefix, CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<string>>([]);

    public Task<byte[]> ReadAsync(string path, CancellationToken cancellationToken) => throw new FileNotFoundException(path);
}
