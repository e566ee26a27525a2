using System.Runtime.CompilerServices;
using System.Buffers.Binary;

namespace ActorSim.Egress.Writers.Parquet.Format;

/// <summary>A growable byte array written front to back, reused from chunk to chunk.</summary>
internal sealed class ByteBuffer(int capacity)
{
    private byte[] _data = new byte[capacity];

    public int Length { get; private set; }

    public ReadOnlySpan<byte> Written => _data.AsSpan(0, Length);

    public ReadOnlyMemory<byte> WrittenMemory => _data.AsMemory(0, Length);

    public void Clear() => Length = 0;

    /// <summary>Room for at least <paramref name="size"/> bytes at the end; commit them with <see cref="Advance"/>.</summary>
    public Span<byte> GetSpan(int size)
    {
        Ensure(size);
        return _data.AsSpan(Length);
    }

    public void Advance(int count) => Length += count;

    public void WriteByte(byte value)
    {
        Ensure(1);
        _data[Length++] = value;
    }

    public void Write(ReadOnlySpan<byte> bytes)
    {
        Ensure(bytes.Length);
        bytes.CopyTo(_data.AsSpan(Length));
        Length += bytes.Length;
    }

    public void WriteInt32LittleEndian(int value)
    {
        Ensure(4);
        BinaryPrimitives.WriteInt32LittleEndian(_data.AsSpan(Length), value);
        Length += 4;
    }

    /// <summary>Overwrites four bytes written earlier (a length known only afterwards).</summary>
    public void PatchInt32LittleEndian(int position, int value) => BinaryPrimitives.WriteInt32LittleEndian(_data.AsSpan(position), value);

    /// <summary>ULEB128, as Thrift and the RLE/bit-packing hybrid use.</summary>
    public void WriteVarint(ulong value)
    {
        Ensure(10);
        var data = _data;
        var at = Length;
        while (value >= 0x80)
        {
            data[at++] = (byte)(value | 0x80);
            value >>= 7;
        }

        data[at++] = (byte)value;
        Length = at;
    }

    [MethodImpl(HotPath.Options)]
    private void Ensure(int size)
    {
        if (_data.Length - Length >= size)
        {
            return;
        }

        var wanted = Math.Max((long)_data.Length * 2, (long)Length + size);
        if (wanted > Array.MaxLength)
        {
            wanted = (long)Length + size;
            if (wanted > Array.MaxLength)
            {
                throw new EgressException("A Parquet chunk would exceed 2 GB; lower the batch size.");
            }
        }

        Array.Resize(ref _data, (int)wanted);
    }
}
