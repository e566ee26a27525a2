namespace ActorSim.Engine.Pacing;

/// <summary>
/// How simulated time follows the wall clock. <see cref="Factor"/> 0 runs as fast as the CPU allows;
/// a factor f &gt; 0 makes one simulated second last f wall seconds (1.0 is real time).
/// With <see cref="Strict"/>, a run that falls behind by more than <see cref="ToleranceSeconds"/> fails.
/// </summary>
public sealed record PacingPolicy
{
    /// <summary>Unpaced: factor 0.</summary>
    public static PacingPolicy AsFastAsPossible { get; } = new();

    /// <summary>Wall seconds per simulated second; 0 means unpaced.</summary>
    public double Factor { get; init; }

    /// <summary>Fail the run when it lags the wall clock by more than <see cref="ToleranceSeconds"/>.</summary>
    public bool Strict { get; init; }

    /// <summary>The lag, in wall seconds, that a strict run tolerates (default 1 s).</summary>
    public double ToleranceSeconds { get; init; } = 1.0;

    /// <summary>
    /// Backfill, then live: events before this simulated time run as fast as the CPU allows, and the wall clock is
    /// followed from it on (the run is anchored to the wall clock when it reaches it). Null: followed from the start.
    /// </summary>
    public double? GoLiveAt { get; init; }

    /// <summary>The clock followed (default: the machine's monotonic clock).</summary>
    public IWallClock Clock { get; init; } = SystemWallClock.Instance;

    /// <summary>
    /// Stops a paced run: once cancelled, the run's next wait for the wall clock (one before every event, which a
    /// sleeping run is in) ends with an <see cref="OperationCanceledException"/>, the next event still scheduled.
    /// Unpaced runs (factor 0) never look at it.
    /// </summary>
    public CancellationToken Cancellation { get; init; }

    /// <summary>A policy with the given factor; validates it.</summary>
    public static PacingPolicy WithFactor(double factor, bool strict = false, double toleranceSeconds = 1.0)
    {
        if (!(factor >= 0) || double.IsInfinity(factor))
        {
            throw new ArgumentOutOfRangeException(nameof(factor), factor, "factor must be 0 (unpaced) or a positive number of wall seconds per simulated second.");
        }

        if (!(toleranceSeconds >= 0))
        {
            throw new ArgumentOutOfRangeException(nameof(toleranceSeconds), toleranceSeconds, "The strict tolerance must be zero or more seconds.");
        }

        return new PacingPolicy { Factor = factor, Strict = strict, ToleranceSeconds = toleranceSeconds };
    }
}
