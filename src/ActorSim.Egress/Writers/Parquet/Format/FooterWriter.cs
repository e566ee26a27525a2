namespace ActorSim.Egress.Writers.Parquet.Format;

/// <summary>
/// Writes the Thrift <c>FileMetaData</c>: a flat schema (converted and logical types for strings and timestamps), the row
/// groups with their column chunks and statistics, the writer's name and type-defined column orders.
/// </summary>
internal static class FooterWriter
{
    private const string CreatedBy = "ActorSim version 0.1.0";
    private const int ConvertedUtf8 = 0;
    private const int ConvertedTimestampMillis = 9;

    public static void Write(ThriftCompactWriter thrift, IReadOnlyList<ColumnSchema> schema, IReadOnlyList<RowGroupMetadata> rowGroups, int codec)
    {
        thrift.BeginStruct();
        thrift.FieldI32(1, 2);
        thrift.FieldListOfStructs(2, schema.Count + 1);
        thrift.BeginStruct();
        thrift.FieldString(4, "schema");
        thrift.FieldI32(5, schema.Count);
        thrift.EndStruct();
        foreach (var column in schema)
        {
            WriteSchemaElement(thrift, column);
        }

        thrift.FieldI64(3, rowGroups.Sum(g => (long)g.Rows));
        thrift.FieldListOfStructs(4, rowGroups.Count);
        for (var i = 0; i < rowGroups.Count; i++)
        {
            WriteRowGroup(thrift, rowGroups[i], (short)i, codec);
        }

        thrift.FieldString(6, CreatedBy);
        thrift.FieldListOfStructs(7, schema.Count);
        foreach (var _ in schema)
        {
            thrift.BeginStruct();
            thrift.FieldStruct(1);
            thrift.EndStruct();
            thrift.EndStruct();
        }

        thrift.EndStruct();
    }

    private static void WriteSchemaElement(ThriftCompactWriter thrift, ColumnSchema column)
    {
        thrift.BeginStruct();
        thrift.FieldI32(1, (int)column.Type);
        thrift.FieldI32(3, column.Required ? 0 : 1);
        thrift.FieldString(4, column.Name);
        switch (column.Logical)
        {
            case LogicalType.String:
                thrift.FieldI32(6, ConvertedUtf8);
                thrift.FieldStruct(10);
                thrift.FieldStruct(1);
                thrift.EndStruct();
                thrift.EndStruct();
                break;
            case LogicalType.TimestampMillisUtc:
                thrift.FieldI32(6, ConvertedTimestampMillis);
                thrift.FieldStruct(10);
                thrift.FieldStruct(8);
                thrift.FieldBool(1, true);
                thrift.FieldStruct(2);
                thrift.FieldStruct(1);
                thrift.EndStruct();
                thrift.EndStruct();
                thrift.EndStruct();
                thrift.EndStruct();
                break;
        }

        thrift.EndStruct();
    }

    private static void WriteRowGroup(ThriftCompactWriter thrift, RowGroupMetadata group, short ordinal, int codec)
    {
        thrift.BeginStruct();
        thrift.FieldListOfStructs(1, group.Columns.Count);
        foreach (var chunk in group.Columns)
        {
            thrift.BeginStruct();
            thrift.FieldI64(2, chunk.FirstPageOffset);
            thrift.FieldStruct(3);
            WriteColumnMetadata(thrift, chunk, codec);
            thrift.EndStruct();
            thrift.EndStruct();
        }

        thrift.FieldI64(2, group.Columns.Sum(c => c.UncompressedSize));
        thrift.FieldI64(3, group.Rows);
        thrift.FieldI64(5, group.Columns[0].FirstPageOffset);
        thrift.FieldI64(6, group.Columns.Sum(c => c.CompressedSize));
        thrift.FieldI16(7, ordinal);
        thrift.EndStruct();
    }

    private static void WriteColumnMetadata(ThriftCompactWriter thrift, ColumnChunkMetadata chunk, int codec)
    {
        thrift.FieldI32(1, (int)chunk.Type);
        thrift.FieldListOfI32(2, chunk.Encodings.Count);
        foreach (var encoding in chunk.Encodings)
        {
            thrift.ElementI32((int)encoding);
        }

        thrift.FieldListOfBinary(3, 1);
        thrift.ElementBinary(System.Text.Encoding.UTF8.GetBytes(chunk.Name));
        thrift.FieldI32(4, codec);
        thrift.FieldI64(5, chunk.Values);
        thrift.FieldI64(6, chunk.UncompressedSize);
        thrift.FieldI64(7, chunk.CompressedSize);
        thrift.FieldI64(9, chunk.DataPageOffset);
        if (chunk.DictionaryPageOffset is { } dictionary)
        {
            thrift.FieldI64(11, dictionary);
        }

        thrift.FieldStruct(12);
        thrift.FieldI64(3, chunk.NullCount);
        if (chunk.Min is not null && chunk.Max is not null)
        {
            thrift.FieldBinary(5, chunk.Max);
            thrift.FieldBinary(6, chunk.Min);
        }

        thrift.EndStruct();
    }
}
