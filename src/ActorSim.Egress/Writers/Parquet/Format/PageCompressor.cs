using System.IO.Compression;
using Snappier;
using ZstdSharp;

namespace ActorSim.Egress.Writers.Parquet.Format;

/// <summary>Compresses page bodies with the chunk's codec into a reused buffer; deterministic for a given codec.</summary>
internal sealed class PageCompressor(ParquetCompression compression)
{
    private const int ZstdLevel = 3;
    private readonly ByteBuffer _output = new(1 << 16);
    private Compressor? _zstd;
    private MemoryStream? _gzip;

    /// <summary>The Thrift <c>CompressionCodec</c> value: UNCOMPRESSED 0, SNAPPY 1, GZIP 2, ZSTD 6.</summary>
    public int Codec { get; } = compression switch
    {
        ParquetCompression.None => 0,
        ParquetCompression.Gzip => 2,
        ParquetCompression.Zstd => 6,
        _ => 1,
    };

    /// <summary>The compressed body (the input itself when uncompressed); valid until the next call.</summary>
    public ReadOnlySpan<byte> Compress(ReadOnlySpan<byte> body)
    {
        _output.Clear();
        switch (compression)
        {
            case ParquetCompression.None:
                return body;
            case ParquetCompression.Zstd:
                _zstd ??= new Compressor(ZstdLevel);
                _output.Advance(_zstd.Wrap(body, _output.GetSpan(Compressor.GetCompressBound(body.Length))));
                return _output.Written;
            case ParquetCompression.Gzip:
                return Gzip(body);
            default:
                _output.Advance(Snappy.Compress(body, _output.GetSpan(Snappy.GetMaxCompressedLength(body.Length))));
                return _output.Written;
        }
    }

    private ReadOnlySpan<byte> Gzip(ReadOnlySpan<byte> body)
    {
        _gzip ??= new MemoryStream();
        _gzip.SetLength(0);
        using (var gzip = new GZipStream(_gzip, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(body);
        }

        return _gzip.GetBuffer().AsSpan(0, (int)_gzip.Length);
    }
}
