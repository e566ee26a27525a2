namespace ActorSim.Egress.Tests.Support;

/// <summary>Never completes a write, and ignores cancellation: a sink that stopped consuming.</summary>
public sealed class StalledStore : MemoryStore
{
    private readonly TaskCompletionSource _never = new();

    public int Calls;

    public override string Location => "stalled memory";

    public override Task PutAsync(string path, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref Calls);
        return _never.Task;
    }
}
