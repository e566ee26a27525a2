namespace ActorSim.Egress.Writers.Parquet;

/// <summary>Maps record values to column types, and names types for drift messages.</summary>
internal static class ColumnTypes
{
    /// <summary>The column type of a flattened or telemetry value; null for a null value. Objects and lists are JSON strings.</summary>
    public static ColumnType? Of(object? value) => value switch
    {
        null => null,
        string => ColumnType.String,
        bool => ColumnType.Bool,
        double or float or decimal => ColumnType.Double,
        long or int or short or sbyte or byte or ushort or uint or ulong => ColumnType.Int64,
        DateTime or DateTimeOffset => ColumnType.Timestamp,
        _ => ColumnType.String,
    };

    /// <summary>The type's name in messages: string, int64, double, bool, timestamp.</summary>
    public static string Name(ColumnType type) => type switch
    {
        ColumnType.String => "string",
        ColumnType.Int64 => "int64",
        ColumnType.Double => "double",
        ColumnType.Bool => "bool",
        _ => "timestamp",
    };

    /// <summary>The type two sightings of one column merge to, or null when they conflict (only int64 and double merge, to double).</summary>
    public static ColumnType? Merge(ColumnType a, ColumnType b) =>
        a == b ? a
        : (a, b) is (ColumnType.Int64, ColumnType.Double) or (ColumnType.Double, ColumnType.Int64) ? ColumnType.Double
        : null;
}
