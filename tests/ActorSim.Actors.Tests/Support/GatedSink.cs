using ActorSim.Model.Records;

namespace ActorSim.Actors.Tests.Support;

/// <summary>
/// A sink that holds its line on the first record at or after <paramref name="holdAt"/> (simulated seconds) until
/// <see cref="Open"/>: a run that is surely still going while a test acts on it. <see cref="Reached"/> completes when
/// the line first waits.
/// </summary>
internal sealed class GatedSink(double holdAt = 0) : IRecordSink, IDisposable
{
    private readonly ManualResetEventSlim _gate = new();
    private readonly TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when a record first waits at the gate.</summary>
    public Task Reached => _reached.Task;

    /// <summary>Simulated time of the last record published; read once the run has ended.</summary>
    public double LastSimTime { get; private set; }

    public void Publish(in SimRecord record)
    {
        LastSimTime = record.SimTime;
        if (_gate.IsSet || record.SimTime < holdAt)
        {
            return;
        }

        _reached.TrySetResult();
        if (!_gate.Wait(TimeSpan.FromSeconds(30)))
        {
            throw new TimeoutException("The test never opened the gate.");
        }
    }

    public void Open() => _gate.Set();

    public void Dispose() => _gate.Dispose();
}
