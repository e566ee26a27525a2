namespace ActorSim.Snapshots.EventLogs;

/// <summary>Which runs of a destination an <see cref="EventLogReader"/> reads, when a manifest lists them.</summary>
public sealed record EventLogOptions
{
    /// <summary>The defaults: every succeeded run the manifest lists.</summary>
    public static EventLogOptions Default { get; } = new();

    /// <summary>Only this run (a manifest's <c>run_id</c>); null for every run. Needs a manifest.</summary>
    public string? RunId { get; init; }

    /// <summary>Also read the chunks of runs that failed or were stopped (whole files, but the run ends early).</summary>
    public bool IncludeUnfinishedRuns { get; init; }
}
