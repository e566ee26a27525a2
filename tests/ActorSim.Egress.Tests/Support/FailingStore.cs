namespace ActorSim.Egress.Tests.Support;

/// <summary>Stores <c>succeed</c> chunks, then throws on every write.</summary>
public sealed class FailingStore(int succeed) : MemoryStore
{
    private int _calls;

    public override string Location => "failing memory";

    public override Task PutAsync(string path, ReadOnlyMemory<byte> content, CancellationToken cancellationToken) =>
        Interlocked.Increment(ref _calls) > succeed
            ? throw new ObjectStoreException(Location, path, "disk on fire", isTransient: false, null)
            : base.PutAsync(path, content, cancellationToken);
}
