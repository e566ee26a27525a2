using System.Text;

namespace ActorSim.Egress.Writers.Parquet.Format;

/// <summary>
/// Thrift's compact protocol, the encoding of Parquet's page headers and footer: field headers as deltas from the previous
/// field id, zigzag varints, list headers with the element type. Writes only what Parquet metadata needs.
/// </summary>
internal sealed class ThriftCompactWriter(ByteBuffer output)
{
    private const byte True = 1;
    private const byte False = 2;
    private const byte I16 = 4;
    private const byte I32 = 5;
    private const byte I64 = 6;
    private const byte Binary = 8;
    private const byte List = 9;
    private const byte Struct = 12;

    private readonly short[] _lastFieldIds = new short[16];
    private int _depth;

    public ByteBuffer Output { get; } = output;

    /// <summary>Starts a top-level struct or a list element that is a struct.</summary>
    public void BeginStruct() => _lastFieldIds[++_depth] = 0;

    /// <summary>Writes the stop field and returns to the enclosing struct.</summary>
    public void EndStruct()
    {
        Output.WriteByte(0);
        _depth--;
    }

    public void FieldStruct(short id)
    {
        FieldHeader(id, Struct);
        BeginStruct();
    }

    public void FieldBool(short id, bool value) => FieldHeader(id, value ? True : False);

    public void FieldI16(short id, short value)
    {
        FieldHeader(id, I16);
        Output.WriteVarint(ZigZag(value));
    }

    public void FieldI32(short id, int value)
    {
        FieldHeader(id, I32);
        Output.WriteVarint(ZigZag(value));
    }

    public void FieldI64(short id, long value)
    {
        FieldHeader(id, I64);
        Output.WriteVarint(ZigZag(value));
    }

    public void FieldBinary(short id, ReadOnlySpan<byte> value)
    {
        FieldHeader(id, Binary);
        ElementBinary(value);
    }

    public void FieldString(short id, string value) => FieldBinary(id, Encoding.UTF8.GetBytes(value));

    public void FieldListOfStructs(short id, int count) => FieldList(id, Struct, count);

    public void FieldListOfI32(short id, int count) => FieldList(id, I32, count);

    public void FieldListOfBinary(short id, int count) => FieldList(id, Binary, count);

    public void ElementI32(int value) => Output.WriteVarint(ZigZag(value));

    public void ElementBinary(ReadOnlySpan<byte> value)
    {
        Output.WriteVarint((ulong)value.Length);
        Output.Write(value);
    }

    private void FieldList(short id, byte elementType, int count)
    {
        FieldHeader(id, List);
        if (count < 15)
        {
            Output.WriteByte((byte)((count << 4) | elementType));
        }
        else
        {
            Output.WriteByte((byte)(0xF0 | elementType));
            Output.WriteVarint((ulong)count);
        }
    }

    private void FieldHeader(short id, byte type)
    {
        var delta = id - _lastFieldIds[_depth];
        if (delta is > 0 and <= 15)
        {
            Output.WriteByte((byte)((delta << 4) | type));
        }
        else
        {
            Output.WriteByte(type);
            Output.WriteVarint(ZigZag(id));
        }

        _lastFieldIds[_depth] = id;
    }

    private static ulong ZigZag(long value) => (ulong)((value << 1) ^ (value >> 63));
}
