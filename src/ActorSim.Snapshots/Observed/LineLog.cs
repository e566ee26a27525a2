using ActorSim.Model.Building;

namespace ActorSim.Snapshots.Observed;

/// <summary>One line's part of a rebuild: its tasks by key, the items it sent, capacities seen in its telemetry.</summary>
internal sealed class LineLog(LineModel model)
{
    public LineModel Model { get; } = model;

    public Dictionary<string, TaskTrack> Tasks { get; } = new(StringComparer.Ordinal);

    /// <summary>Items sent so far (the next gets this sequence number).</summary>
    public long ItemsSent { get; set; }

    /// <summary>Tasks started here by items arriving over a link, per key: how many times each key arrived.</summary>
    public Dictionary<string, int> Arrivals { get; } = new(StringComparer.Ordinal);

    /// <summary>The latest capacity telemetry per resource: (time, value).</summary>
    public Dictionary<string, (double Time, double Value)> Capacities { get; } = new(StringComparer.Ordinal);

    /// <summary>The highest number in a key of a task created by arrivals, or -1.</summary>
    public long HighestTaskNumber { get; set; } = -1;
}
