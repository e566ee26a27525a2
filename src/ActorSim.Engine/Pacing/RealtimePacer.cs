namespace ActorSim.Engine.Pacing;

/// <summary>Holds back a simulation so that simulated time follows the wall clock at a given factor.</summary>
internal sealed class RealtimePacer(PacingPolicy policy)
{
    private bool _anchored;
    private double _wallAnchor;
    private double _simAnchor;

    /// <summary>
    /// Waits until the wall clock reaches the instant of <paramref name="simulatedTime"/>; checks strictness.
    /// The first call anchors simulated time <paramref name="currentTime"/> to the wall clock's present; with a
    /// <see cref="PacingPolicy.GoLiveAt"/>, calls before it return at once and the first after it anchors that instant. Throws an
    /// <see cref="OperationCanceledException"/> once the policy's <see cref="PacingPolicy.Cancellation"/> is cancelled,
    /// waking up from the wait at once.
    /// </summary>
    public void WaitUntil(double simulatedTime, double currentTime)
    {
        policy.Cancellation.ThrowIfCancellationRequested();
        if (!_anchored)
        {
            if (policy.GoLiveAt is { } live && simulatedTime < live)
            {
                // Backfilling: the past runs unpaced.
                return;
            }

            _anchored = true;
            _wallAnchor = policy.Clock.ElapsedSeconds;
            _simAnchor = policy.GoLiveAt is { } goLive && goLive > currentTime ? goLive : currentTime;
        }

        var due = _wallAnchor + (simulatedTime - _simAnchor) * policy.Factor;
        var now = policy.Clock.ElapsedSeconds;
        if (due > now)
        {
            policy.Clock.Sleep(due - now, policy.Cancellation);
            return;
        }

        var lag = now - due;
        if (policy.Strict && lag > policy.ToleranceSeconds)
        {
            throw new PacingLagException(simulatedTime, lag, policy.ToleranceSeconds);
        }
    }

    /// <summary>The wall seconds by which the run is behind where <paramref name="simulatedTime"/> should be.</summary>
    public double LagSeconds(double simulatedTime)
    {
        if (!_anchored)
        {
            return 0;
        }

        var due = _wallAnchor + (simulatedTime - _simAnchor) * policy.Factor;
        return Math.Max(0, policy.Clock.ElapsedSeconds - due);
    }
}
