namespace ActorSim.Egress.Writers.Parquet.Format;

/// <summary>One row group's rows and column chunks, for the footer.</summary>
internal sealed record RowGroupMetadata(int Rows, IReadOnlyList<ColumnChunkMetadata> Columns);
