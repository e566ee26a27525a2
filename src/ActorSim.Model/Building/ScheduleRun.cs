using ActorSim.Engine;

namespace ActorSim.Model.Building;

/// <summary>A production schedule running in a line: its process and how far it has come (what a snapshot captures).</summary>
internal sealed class ScheduleRun(ReleaseSchedule schedule, int next)
{
    /// <summary>The schedule.</summary>
    public ReleaseSchedule Schedule { get; } = schedule;

    /// <summary>The index (in time order) of the next release to start; the releases' count once all have started.</summary>
    public int Next { get; set; } = next;

    /// <summary>The process that starts the releases.</summary>
    public Process Process { get; set; } = null!;
}
