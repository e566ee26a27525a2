namespace ActorSim.Egress.Writers.Parquet.Format;

/// <summary>
/// Writes one column chunk's pages into the file: a column fills <see cref="Body"/> with a page's levels and values, then
/// ends it as a dictionary or data page; the writer compresses it, writes the Thrift page header and the bytes, and keeps
/// the sizes, offsets, encodings and statistics the footer needs.
/// </summary>
internal sealed class PageWriter
{
    private const int DataPage = 0;
    private const int DictionaryPage = 2;

    private readonly ByteBuffer _file;
    private readonly ThriftCompactWriter _thrift;
    private readonly PageCompressor _compressor;
    private readonly List<PageEncoding> _encodings = [];
    private int[] _scratch = new int[1024];
    private string _name = string.Empty;
    private PhysicalType _type;
    private long _values;
    private long _uncompressed;
    private long _compressed;
    private long _dataPageOffset;
    private long? _dictionaryPageOffset;
    private long _nulls;
    private byte[]? _min;
    private byte[]? _max;

    public PageWriter(ByteBuffer file, ParquetCompression compression)
    {
        _file = file;
        _thrift = new ThriftCompactWriter(file);
        _compressor = new PageCompressor(compression);
    }

    /// <summary>The Thrift codec of every page.</summary>
    public int Codec => _compressor.Codec;

    /// <summary>The page being built; cleared by <see cref="BeginPage"/>.</summary>
    public ByteBuffer Body { get; } = new(1 << 16);

    /// <summary>A reused int array of at least <paramref name="size"/> elements.</summary>
    public int[] Scratch(int size)
    {
        if (_scratch.Length < size)
        {
            _scratch = new int[Math.Max(size, _scratch.Length * 2)];
        }

        return _scratch;
    }

    public void BeginChunk(string name, PhysicalType type)
    {
        _name = name;
        _type = type;
        _encodings.Clear();
        _values = 0;
        _uncompressed = 0;
        _compressed = 0;
        _dataPageOffset = -1;
        _dictionaryPageOffset = null;
        _nulls = 0;
        _min = null;
        _max = null;
    }

    public ByteBuffer BeginPage()
    {
        Body.Clear();
        return Body;
    }

    /// <summary>Ends a dictionary page of <paramref name="entries"/> PLAIN values.</summary>
    public void EndDictionaryPage(int entries)
    {
        _dictionaryPageOffset = _file.Length;
        var compressed = _compressor.Compress(Body.Written);
        var headerStart = BeginHeader(DictionaryPage, compressed.Length);
        _thrift.FieldStruct(7);
        _thrift.FieldI32(1, entries);
        _thrift.FieldI32(2, (int)PageEncoding.Plain);
        _thrift.EndStruct();
        _thrift.EndStruct();
        Commit(headerStart, compressed, PageEncoding.Plain);
    }

    /// <summary>Ends a data page of <paramref name="rows"/> rows, <paramref name="nulls"/> of them null.</summary>
    public void EndDataPage(int rows, int nulls, PageEncoding valueEncoding, bool hasDefinitionLevels)
    {
        if (_dataPageOffset < 0)
        {
            _dataPageOffset = _file.Length;
        }

        var compressed = _compressor.Compress(Body.Written);
        var headerStart = BeginHeader(DataPage, compressed.Length);
        _thrift.FieldStruct(5);
        _thrift.FieldI32(1, rows);
        _thrift.FieldI32(2, (int)valueEncoding);
        _thrift.FieldI32(3, (int)PageEncoding.Rle);
        _thrift.FieldI32(4, (int)PageEncoding.Rle);
        _thrift.EndStruct();
        _thrift.EndStruct();
        Commit(headerStart, compressed, valueEncoding);
        if (hasDefinitionLevels && !_encodings.Contains(PageEncoding.Rle))
        {
            _encodings.Add(PageEncoding.Rle);
        }

        _values += rows;
        _nulls += nulls;
    }

    /// <summary>Min and max of the chunk's non-null values, in Parquet's PLAIN bytes (omit for none, or when not exact).</summary>
    public void SetStatistics(ReadOnlySpan<byte> min, ReadOnlySpan<byte> max)
    {
        _min = min.ToArray();
        _max = max.ToArray();
    }

    public ColumnChunkMetadata EndChunk() => new(
        _name, _type, _encodings.ToArray(), _values, _uncompressed, _compressed, _dataPageOffset, _dictionaryPageOffset, _nulls, _min, _max);

    /// <summary>Starts the Thrift page header with the fields every page has; returns where it starts.</summary>
    private int BeginHeader(int pageType, int compressedLength)
    {
        var start = _file.Length;
        _thrift.BeginStruct();
        _thrift.FieldI32(1, pageType);
        _thrift.FieldI32(2, Body.Length);
        _thrift.FieldI32(3, compressedLength);
        return start;
    }

    private void Commit(int headerStart, ReadOnlySpan<byte> compressed, PageEncoding encoding)
    {
        var header = _file.Length - headerStart;
        _file.Write(compressed);
        _uncompressed += header + Body.Length;
        _compressed += header + compressed.Length;
        if (!_encodings.Contains(encoding))
        {
            _encodings.Add(encoding);
        }
    }
}
