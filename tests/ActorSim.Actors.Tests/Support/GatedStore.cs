using System.Collections.Concurrent;
using ActorSim.Egress.Storage;

namespace ActorSim.Actors.Tests.Support;

/// <summary>An in-memory store that holds every write until <see cref="Open"/>: a sink that stores nothing for a while.</summary>
internal sealed class GatedStore : IObjectStore
{
    private readonly TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ConcurrentDictionary<string, byte[]> Objects { get; } = new(StringComparer.Ordinal);

    public string Location => "gated memory";

    public void Open() => _gate.TrySetResult();

    public async Task PutAsync(string path, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        var bytes = content.ToArray();
        await _gate.Task.WaitAsync(cancellationToken);
        Objects[path] = bytes;
    }

    public Task<IReadOnlyList<string>> ListAsync(string prefix, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<string>>(Objects.Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList());

    public Task<byte[]> ReadAsync(string path, CancellationToken cancellationToken) => Task.FromResult(Objects[path]);
}
