namespace ActorSim.Egress.Tests.Support;

/// <summary>Takes <c>delay</c> per chunk: a slow sink that still makes progress.</summary>
public sealed class SlowStore(TimeSpan delay) : MemoryStore
{
    public override string Location => "slow memory";

    public override async Task PutAsync(string path, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        await Task.Delay(delay, cancellationToken);
        await base.PutAsync(path, content, cancellationToken);
    }
}
