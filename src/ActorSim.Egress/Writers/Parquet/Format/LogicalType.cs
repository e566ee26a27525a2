namespace ActorSim.Egress.Writers.Parquet.Format;

/// <summary>The logical types ActorSim's columns carry on top of their physical type.</summary>
internal enum LogicalType
{
    None,

    /// <summary>UTF-8 text in a BYTE_ARRAY.</summary>
    String,

    /// <summary>Milliseconds since the Unix epoch in an INT64, adjusted to UTC.</summary>
    TimestampMillisUtc,
}
