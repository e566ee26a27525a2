namespace ActorSim.Egress.Tests.Support;

/// <summary>Holds every write until <see cref="Open"/> is called: a sink whose writer a test lets go of when it is ready.</summary>
public sealed class GatedStore : MemoryStore
{
    private readonly TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public override string Location => "gated memory";

    public void Open() => _gate.TrySetResult();

    public override async Task PutAsync(string path, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        await _gate.Task.WaitAsync(cancellationToken);
        await base.PutAsync(path, content, cancellationToken);
    }
}
