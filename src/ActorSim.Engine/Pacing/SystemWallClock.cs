using System.Diagnostics;

namespace ActorSim.Engine.Pacing;

/// <summary>The machine's monotonic clock (<see cref="Stopwatch"/>).</summary>
public sealed class SystemWallClock : IWallClock
{
    private readonly long _origin = Stopwatch.GetTimestamp();

    /// <summary>A clock shared by callers that need no origin of their own.</summary>
    public static SystemWallClock Instance { get; } = new();

    /// <inheritdoc />
    public double ElapsedSeconds => Stopwatch.GetElapsedTime(_origin).TotalSeconds;

    /// <inheritdoc />
    public void Sleep(double seconds)
    {
        if (seconds > 0)
        {
            Thread.Sleep(TimeSpan.FromSeconds(seconds));
        }
    }

    /// <inheritdoc />
    public void Sleep(double seconds, CancellationToken cancellationToken)
    {
        if (!cancellationToken.CanBeCanceled)
        {
            Sleep(seconds);
            return;
        }

        cancellationToken.ThrowIfCancellationRequested();
        if (seconds > 0 && cancellationToken.WaitHandle.WaitOne(TimeSpan.FromSeconds(seconds)))
        {
            throw new OperationCanceledException("The paced run was cancelled while it waited for the wall clock.", cancellationToken);
        }
    }
}
