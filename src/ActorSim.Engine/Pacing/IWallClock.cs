namespace ActorSim.Engine.Pacing;

/// <summary>The wall clock a paced simulation follows; injectable so tests need not sleep.</summary>
public interface IWallClock
{
    /// <summary>Seconds of wall time since an arbitrary fixed origin.</summary>
    double ElapsedSeconds { get; }

    /// <summary>Blocks the calling thread for about <paramref name="seconds"/> of wall time.</summary>
    void Sleep(double seconds);

    /// <summary>
    /// As <see cref="Sleep(double)"/>, ending early with an <see cref="OperationCanceledException"/> once
    /// <paramref name="cancellationToken"/> is cancelled. The default checks the token before and after sleeping;
    /// a clock that can wake up early overrides it.
    /// </summary>
    void Sleep(double seconds, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Sleep(seconds);
        cancellationToken.ThrowIfCancellationRequested();
    }
}
