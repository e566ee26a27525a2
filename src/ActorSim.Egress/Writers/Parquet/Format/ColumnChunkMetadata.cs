namespace ActorSim.Egress.Writers.Parquet.Format;

/// <summary>What the footer records of one column chunk: where its pages are, their sizes, encodings and statistics.</summary>
internal sealed record ColumnChunkMetadata(
    string Name,
    PhysicalType Type,
    IReadOnlyList<PageEncoding> Encodings,
    long Values,
    long UncompressedSize,
    long CompressedSize,
    long DataPageOffset,
    long? DictionaryPageOffset,
    long NullCount,
    byte[]? Min,
    byte[]? Max)
{
    /// <summary>Where the chunk starts: its dictionary page, else its first data page.</summary>
    public long FirstPageOffset => DictionaryPageOffset ?? DataPageOffset;
}
