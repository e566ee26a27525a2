namespace ActorSim.Model.Building;

/// <summary>
/// Sees a line's tasks come and go as they run, for measures taken while the line runs (a forecast's KPIs) without any
/// record: set it with <see cref="Line.Observer"/> before the run starts. Calls happen on the line's thread, at the
/// simulation's current time, and must not allocate if the run is to stay allocation-free.
/// </summary>
public interface ILineObserver
{
    /// <summary>A task entered the line: created by an arrival, started by an item, or restored from a snapshot.</summary>
    void TaskEntered(double now);

    /// <summary>A task got its step's resource after waiting <paramref name="waited"/> seconds in its queue.</summary>
    void StepStarted(double now, double waited);

    /// <summary>A task finished its last step; <paramref name="cycle"/> is the time since it entered (NaN for a task restored from a snapshot).</summary>
    void TaskLeft(double now, double cycle);
}
