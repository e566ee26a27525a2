namespace ActorSim.Blueprints;

/// <summary>A production schedule's source as a blueprint declares it (<c>schedules: {name: {csv | parquet | query}}</c>).</summary>
/// <param name="Kind">CSV file, Parquet file or PostgreSQL query.</param>
/// <param name="Location">The file's path (resolved against the blueprint's folder), or the query's text.</param>
/// <param name="Connection">A query's database (<c>postgresql://user@host/db</c> or a key=value string); null for a file.</param>
/// <param name="Display">How messages name the source: the file as written in the blueprint, or <c>query</c>.</param>
public sealed record ScheduleSource(ScheduleSourceKind Kind, string Location, string? Connection, string Display);
