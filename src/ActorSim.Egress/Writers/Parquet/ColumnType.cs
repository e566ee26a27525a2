namespace ActorSim.Egress.Writers.Parquet;

/// <summary>The column types a Parquet destination can infer; every column is nullable.</summary>
internal enum ColumnType
{
    String,
    Int64,
    Double,
    Bool,
    Timestamp,
}
