using ActorSim.Egress.Writers.Parquet.Format;

namespace ActorSim.Egress.Tests;

/// <summary>
/// The byte-level encodings under the Parquet writer, checked against the specifications byte for byte: the RLE/bit-packing
/// hybrid, Thrift's compact protocol and ULEB128 varints. Buffers start at one byte, so every write must make room.
/// </summary>
public class ParquetEncodingPrimitivesTests
{
    public static TheoryData<int[], int, byte[]> RleCases => new()
    {
        // Eight equal values: one RLE run (header count << 1, then the value in (bitWidth + 7) / 8 bytes).
        { Repeat(1, 8), 1, [0x10, 0x01] },
        // Seven: too short for a run, one bit-packed group (header groups << 1 | 1, LSB first, padded with zeros).
        { Repeat(1, 7), 1, [0x03, 0x7F] },
        // Four values then ten zeros: lending four zeros to the packed group leaves six, too few for a run.
        { [0, 1, 0, 1, .. Repeat(0, 10)], 1, [0x05, 0x0A, 0x00] },
        // Four values then twelve zeros: the packed group borrows four, the other eight are a run.
        { [0, 1, 0, 1, .. Repeat(0, 12)], 1, [0x03, 0x0A, 0x10, 0x00] },
        // A run first, then fewer than eight values.
        { [.. Repeat(2, 9), 1], 2, [0x12, 0x02, 0x03, 0x01, 0x00] },
        // Three bits per value across byte boundaries: 1..8 = 001 010 011 100 101 110 111 000.
        { [1, 2, 3, 4, 5, 6, 7, 0], 3, [0x03, 0xD1, 0x58, 0x1F] },
        // A nine-bit value takes two bytes in a run.
        { Repeat(300, 8), 9, [0x10, 0x2C, 0x01] },
    };

    [Theory]
    [MemberData(nameof(RleCases))]
    public void Rle_hybrid_should_encode_as_the_parquet_specification_says(int[] values, int bitWidth, byte[] expected)
    {
        var output = new ByteBuffer(1);

        RleHybridEncoder.Encode(values, bitWidth, output);

        Assert.Equal(expected, output.Written.ToArray());
    }

    [Fact]
    public void Rle_hybrid_should_split_bit_packed_runs_at_504_values()
    {
        var values = Enumerable.Range(0, 600).Select(i => i % 2).ToArray();
        var output = new ByteBuffer(1);

        RleHybridEncoder.Encode(values, 1, output);

        var bytes = output.Written.ToArray();
        Assert.Equal((byte)((63 << 1) | 1), bytes[0]);
        Assert.Equal((byte)((12 << 1) | 1), bytes[1 + 63]);
        Assert.Equal(1 + 63 + 1 + 12, bytes.Length);
        Assert.Equal(values, Decode(bytes, 1, values.Length));
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 3)]
    [InlineData(3, 5)]
    [InlineData(4, 12)]
    [InlineData(5, 17)]
    public void Rle_hybrid_should_round_trip_mixed_runs_through_a_reference_decoder(int seed, int bitWidth)
    {
        var random = new System.Random(seed);
        var values = new List<int>();
        while (values.Count < 3000)
        {
            var value = random.Next(1 << bitWidth);
            values.AddRange(Repeat(value, random.Next(3) == 0 ? random.Next(1, 40) : 1));
        }

        var output = new ByteBuffer(1);

        RleHybridEncoder.Encode(values.ToArray(), bitWidth, output);

        Assert.Equal(values, Decode(output.Written.ToArray(), bitWidth, values.Count));
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(255, 8)]
    [InlineData(256, 9)]
    [InlineData(int.MaxValue, 31)]
    public void Bit_width_should_hold_the_largest_value(int maxValue, int expected) => Assert.Equal(expected, RleHybridEncoder.BitWidth(maxValue));

    [Theory]
    [InlineData(0UL, new byte[] { 0x00 })]
    [InlineData(127UL, new byte[] { 0x7F })]
    [InlineData(128UL, new byte[] { 0x80, 0x01 })]
    [InlineData(300UL, new byte[] { 0xAC, 0x02 })]
    [InlineData(ulong.MaxValue, new byte[] { 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01 })]
    public void Varint_should_be_uleb128(ulong value, byte[] expected)
    {
        var output = new ByteBuffer(1);
        output.WriteByte(0xAA);

        output.WriteVarint(value);

        Assert.Equal([0xAA, .. expected], output.Written.ToArray());
    }

    [Fact]
    public void Byte_buffer_should_grow_for_every_kind_of_write_and_restart_when_cleared()
    {
        var output = new ByteBuffer(1);

        for (var i = 0; i < 4; i++)
        {
            output.WriteByte(0xFF);
        }

        output.WriteByte(4);

        output.Write([5, 6, 7]);
        output.WriteInt32LittleEndian(0x0B0A0908);
        output.PatchInt32LittleEndian(0, 0x03020100);
        var span = output.GetSpan(3);
        span[0] = 12;
        output.Advance(1);

        Assert.Equal(Enumerable.Range(0, 13).Select(i => (byte)i), output.Written.ToArray());
        output.Clear();
        output.WriteByte(42);
        Assert.Equal([42], output.WrittenMemory.ToArray());
    }

    [Fact]
    public void Thrift_should_write_short_field_headers_for_deltas_up_to_15_and_long_ones_otherwise()
    {
        var output = new ByteBuffer(1);
        var thrift = new ThriftCompactWriter(output);
        thrift.BeginStruct();

        thrift.FieldI32(1, 5);    // delta 1: (1 << 4) | i32, zigzag(5) = 10
        thrift.FieldI32(16, 5);   // delta 15: still short
        thrift.FieldI32(32, 5);   // delta 16: type, then zigzag(32) = 64
        thrift.FieldI32(31, 5);   // delta -1: long
        thrift.FieldI32(31, 5);   // delta 0: long
        thrift.EndStruct();

        Assert.Equal(
            [0x15, 0x0A, 0xF5, 0x0A, 0x05, 0x40, 0x0A, 0x05, 0x3E, 0x0A, 0x05, 0x3E, 0x0A, 0x00],
            output.Written.ToArray());
    }

    [Fact]
    public void Thrift_should_write_every_field_type_with_zigzag_integers()
    {
        var output = new ByteBuffer(1);
        var thrift = new ThriftCompactWriter(output);
        thrift.BeginStruct();

        thrift.FieldBool(1, true);
        thrift.FieldBool(2, false);
        thrift.FieldI16(3, -1);
        thrift.FieldI64(4, long.MinValue);
        thrift.FieldI64(5, -64);
        thrift.FieldString(6, "ab");
        thrift.EndStruct();

        Assert.Equal(
            [
                0x11, 0x12, 0x14, 0x01,
                0x16, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01,
                0x16, 0x7F,
                0x18, 0x02, (byte)'a', (byte)'b',
                0x00,
            ],
            output.Written.ToArray());
    }

    [Fact]
    public void Thrift_should_write_list_headers_with_the_count_inline_below_15()
    {
        var output = new ByteBuffer(1);
        var thrift = new ThriftCompactWriter(output);
        thrift.BeginStruct();

        thrift.FieldListOfI32(1, 14);
        thrift.FieldListOfBinary(2, 15);
        thrift.FieldListOfStructs(3, 300);
        thrift.ElementI32(-3);
        thrift.ElementBinary([9]);

        Assert.Equal([0x19, 0xE5, 0x19, 0xF8, 0x0F, 0x19, 0xFC, 0xAC, 0x02, 0x05, 0x01, 0x09], output.Written.ToArray());
    }

    [Fact]
    public void Thrift_should_count_field_ids_per_nested_struct()
    {
        var output = new ByteBuffer(1);
        var thrift = new ThriftCompactWriter(output);
        thrift.BeginStruct();

        thrift.FieldI32(4, 0);
        thrift.FieldStruct(5);
        thrift.FieldI32(1, 0);
        thrift.EndStruct();
        thrift.FieldI32(6, 0);
        thrift.EndStruct();

        Assert.Equal([0x45, 0x00, 0x1C, 0x15, 0x00, 0x00, 0x15, 0x00, 0x00], output.Written.ToArray());
    }

    private static int[] Repeat(int value, int count) => Enumerable.Repeat(value, count).ToArray();

    /// <summary>A decoder written from the Parquet specification (RLE/bit-packing hybrid), independent of the encoder.</summary>
    private static List<int> Decode(byte[] bytes, int bitWidth, int count)
    {
        var values = new List<int>();
        var at = 0;
        while (values.Count < count)
        {
            ulong header = 0;
            for (var shift = 0; ; shift += 7)
            {
                var b = bytes[at++];
                header |= (ulong)(b & 0x7F) << shift;
                if (b < 0x80)
                {
                    break;
                }
            }

            if ((header & 1) == 0)
            {
                var value = 0;
                for (var b = 0; b < (bitWidth + 7) / 8; b++)
                {
                    value |= bytes[at++] << (8 * b);
                }

                values.AddRange(Repeat(value, (int)(header >> 1)));
            }
            else
            {
                var total = (int)(header >> 1) * 8;
                for (var j = 0; j < total; j++)
                {
                    var value = 0;
                    for (var bit = 0; bit < bitWidth; bit++)
                    {
                        var position = (j * bitWidth) + bit;
                        value |= ((bytes[at + (position / 8)] >> (position % 8)) & 1) << bit;
                    }

                    if (values.Count < count)
                    {
                        values.Add(value);
                    }
                }

                at += (int)(header >> 1) * bitWidth;
            }
        }

        Assert.Equal(bytes.Length, at);
        return values;
    }
}
