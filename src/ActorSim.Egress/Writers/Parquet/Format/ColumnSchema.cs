namespace ActorSim.Egress.Writers.Parquet.Format;

/// <summary>One flat column of a file's schema.</summary>
internal sealed record ColumnSchema(string Name, PhysicalType Type, LogicalType Logical, bool Required);
