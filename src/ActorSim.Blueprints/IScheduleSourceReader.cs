namespace ActorSim.Blueprints;

/// <summary>
/// Reads a production schedule's source into rows. The blueprint project reads CSV itself
/// (<see cref="CsvSchedules"/>); Parquet files and PostgreSQL queries need a reader that has those formats, which the
/// caller injects through <see cref="BlueprintOptions.Schedules"/> (the <c>actorsim</c> command uses
/// <c>ActorSim.Snapshots.Schedules.ScheduleSources</c>).
/// </summary>
public interface IScheduleSourceReader
{
    /// <summary>The rows of <paramref name="source"/>.</summary>
    /// <exception cref="ScheduleSourceException">The source cannot be read; the message names it and says why.</exception>
    ScheduleTable Read(ScheduleSource source);
}
