namespace ActorSim.Blueprints;

/// <summary>Where a production schedule's rows come from.</summary>
public enum ScheduleSourceKind
{
    /// <summary>A CSV file with a header row (read by the blueprint project itself).</summary>
    Csv,

    /// <summary>A Parquet file.</summary>
    Parquet,

    /// <summary>A PostgreSQL query.</summary>
    Query,
}
