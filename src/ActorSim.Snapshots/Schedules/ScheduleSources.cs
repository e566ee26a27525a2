using ActorSim.Blueprints;
using ActorSim.Snapshots.Schedules.Internal;

namespace ActorSim.Snapshots.Schedules;

/// <summary>
/// Reads every kind of production schedule a blueprint may declare: CSV (as the blueprint project does), Parquet files
/// (Parquet.Net) and PostgreSQL queries (Npgsql). Give it to <see cref="BlueprintOptions.Schedules"/>; the
/// <c>actorsim</c> command and <c>ActorSim.Runs</c> do.
/// </summary>
public sealed class ScheduleSources : IScheduleSourceReader
{
    /// <summary>The reader of CSV, Parquet and PostgreSQL sources.</summary>
    public static ScheduleSources Instance { get; } = new();

    /// <summary>Blueprint options that read every kind of schedule, with the system clock and environment.</summary>
    public static BlueprintOptions Options { get; } = new() { Schedules = Instance };

    private ScheduleSources()
    {
    }

    /// <inheritdoc />
    public ScheduleTable Read(ScheduleSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return source.Kind switch
        {
            ScheduleSourceKind.Parquet => ParquetSchedule.Read(source),
            ScheduleSourceKind.Query => QuerySchedule.Read(source),
            _ => CsvSchedules.Instance.Read(source),
        };
    }
}
