using ActorSim.Egress.Storage;

namespace ActorSim.Actors.Tests.Support;

/// <summary>An object store that accepts a chunk and never finishes storing it: a sink that stopped consuming.</summary>
internal sealed class NeverStore : IObjectStore
{
    private readonly TaskCompletionSource _never = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string Location => "never";

    public Task PutAsync(string path, ReadOnlyMemory<byte> content, CancellationToken cancellationToken) => _never.Task.WaitAsync(cancellationToken);

    public Task<IReadOnlyList<string>> ListAsync(string prefix, CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<string>>([]);

    public Task<byte[]> ReadAsync(string path, CancellationToken cancellationToken) => throw new FileNotFoundException(path);
}
