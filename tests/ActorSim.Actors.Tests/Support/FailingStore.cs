using ActorSim.Egress;
using ActorSim.Egress.Storage;

namespace ActorSim.Actors.Tests.Support;

/// <summary>Stores <c>succeed</c> chunks (and keeps nothing), then fails every write as a full disk would.</summary>
internal sealed class FailingStore(int succeed) : IObjectStore
{
    private int _calls;

    public string Location => "failing store";

    public async Task PutAsync(string path, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        await Task.Yield();
        if (Interlocked.Increment(ref _calls) > succeed)
        {
            throw new ObjectStoreException(Location, path, "disk full", isTransient: false, null);
        }
    }

    public Task<IReadOnlyList<string>> ListAsync(string prefix, CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<string>>([]);

    public Task<byte[]> ReadAsync(string path, CancellationToken cancellationToken) => throw new FileNotFoundException(path);
}
