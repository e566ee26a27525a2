namespace ActorSim.Blueprints;

/// <summary>
/// How a blueprint is read: the clock behind <c>start: now</c>, the variables behind <c>${VAR}</c> and the reader of
/// production schedules' sources.
/// </summary>
public sealed record BlueprintOptions
{
    /// <summary>The defaults: the system clock and the process environment.</summary>
    public static BlueprintOptions Default { get; } = new();

    /// <summary>The clock that resolves <c>now</c> and relative start times (default: the system clock).</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>Looks up an environment variable for <c>${VAR}</c> and <c>${VAR:-default}</c>; null means unset.</summary>
    public Func<string, string?> Environment { get; init; } = System.Environment.GetEnvironmentVariable;

    /// <summary>Reads the sources of <c>schedules</c> (default: CSV files only; Parquet and queries need another reader).</summary>
    public IScheduleSourceReader Schedules { get; init; } = CsvSchedules.Instance;
}
