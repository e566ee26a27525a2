namespace ActorSim.Egress;

/// <summary>The file format of a sink's chunk files.</summary>
public enum ChunkFormat
{
    /// <summary>Apache Parquet, schema inferred from each destination's first batch.</summary>
    Parquet,

    /// <summary>JSON Lines: one UTF-8 JSON object per line.</summary>
    Jsonl,
}
