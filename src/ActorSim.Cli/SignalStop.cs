using System.Runtime.InteropServices;

namespace ActorSim.Cli;

/// <summary>
/// Turns SIGINT (Ctrl+C) and SIGTERM (<c>docker stop</c>, Kubernetes) into a graceful stop: the first one cancels
/// <see cref="Token"/> and is remembered as <see cref="Signal"/>, and the runtime does not end the process. A second one
/// while the run is stopping gets the default action: the process ends at once.
/// </summary>
internal sealed class SignalStop : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly PosixSignalRegistration[] _registrations;
    private int _signal;

    public SignalStop()
    {
        _registrations = [PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal), PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal)];
    }

    /// <summary>Cancelled by the first signal.</summary>
    public CancellationToken Token => _stop.Token;

    /// <summary>The first signal received, or null.</summary>
    public PosixSignal? Signal => Volatile.Read(ref _signal) is var signal and not 0 ? (PosixSignal)signal : null;

    public void Dispose()
    {
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }

        _stop.Dispose();
    }

    private void OnSignal(PosixSignalContext context)
    {
        if (Interlocked.CompareExchange(ref _signal, (int)context.Signal, 0) != 0)
        {
            // Already stopping: the default action ends the process now.
            return;
        }

        context.Cancel = true;
        // Off the signal thread: what the token's callbacks do (telling actors to stop) must not hold it.
        _ = _stop.CancelAsync();
    }
}
