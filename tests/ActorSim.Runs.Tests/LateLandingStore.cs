using System.Collections.Concurrent;
using ActorSim.Egress;
using ActorSim.Egress.Storage;

namespace ActorSim.Runs.Tests;

/// <summary>
/// Stores its first chunk after <c>delay</c>, and refuses the second one at once (its write throws before any await, as
/// a store that checks its input first does): the second chunk fails while the first is still in flight.
/// </summary>
internal sealed class LateLandingStore(TimeSpan delay) : IObjectStore
{
    private int _calls;

    public ConcurrentDictionary<string, byte[]> Objects { get; } = new(StringComparer.Ordinal);

    public string Location => "late-landing memory";

    public Task PutAsync(string path, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        if (Interlocked.Increment(ref _calls) > 1)
        {
            throw new ObjectStoreException(Location, path, "refused", isTransient: false, null);
        }

        var bytes = content.ToArray();
        return StoreLaterAsync(path, bytes);
    }

    public Task<IReadOnlyList<string>> ListAsync(string prefix, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<string>>(Objects.Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList());

    public Task<byte[]> ReadAsync(string path, CancellationToken cancellationToken) => Task.FromResult(Objects[path]);

    private async Task StoreLaterAsync(string path, byte[] bytes)
    {
        await Task.Delay(delay, CancellationToken.None);
        Objects[path] = bytes;
    }
}
