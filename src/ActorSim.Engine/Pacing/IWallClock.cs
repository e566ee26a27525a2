namespace ActorSim.Engine.Pacing;

/// <summary>The wall clock a paced simulation follows; injectable so tests need not sleep.</summary>
public interface IWallClock
{
    /// <summary>Seconds of wall time since an arbitrary fixed origin.</summary>
    double ElapsedSeconds { get; }

    /// <summary>Blocks the calling thread for about <paramref name="seconds"/> of wall time.</summary>
    void Sleep(double seconds);
}
