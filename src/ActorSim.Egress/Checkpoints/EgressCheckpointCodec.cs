using System.Collections;
using System.Text;
using ActorSim.Model.Records;

namespace ActorSim.Egress.Checkpoints;

/// <summary>
/// A line's sinks at a checkpoint as bytes, and back: counters, and the pending records with their values' exact
/// types (strings, booleans, every integer and floating type, decimals, dates, objects of named fields, lists), so a
/// resumed sink writes the bytes the original would have. A value of another type cannot be kept.
/// </summary>
public static class EgressCheckpointCodec
{
    private const int Magic = 0x43455341; // "ASEC"
    private const byte Version = 1;

    private enum Tag : byte
    {
        Null,
        String,
        Bool,
        Double,
        Float,
        Long,
        Int,
        Short,
        Byte,
        SByte,
        UShort,
        UInt,
        ULong,
        Decimal,
        DateTime,
        DateTimeOffset,
        Object,
        List,
    }

    /// <summary>The bytes of <paramref name="sinks"/>.</summary>
    /// <exception cref="NotSupportedException">A pending record holds a value of a type a checkpoint cannot keep.</exception>
    public static byte[] Write(IReadOnlyList<SinkCheckpoint> sinks)
    {
        ArgumentNullException.ThrowIfNull(sinks);
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Magic);
            writer.Write(Version);
            writer.Write(sinks.Count);
            foreach (var sink in sinks)
            {
                writer.Write(sink.Sink);
                writer.Write(sink.Published);
                writer.Write(sink.Dropped);
                writer.Write(sink.Written);
                writer.Write(sink.Destinations.Count);
                foreach (var d in sink.Destinations)
                {
                    writer.Write(d.Destination);
                    writer.Write(d.Flatten);
                    writer.Write(d.BatchesTaken);
                    writer.Write(d.Published);
                    writer.Write(d.Written);
                    writer.Write(d.Chunks);
                    writer.Write(d.Bytes);
                    writer.Write(d.FirstTime);
                    writer.Write(d.Pending.Count);
                    foreach (var record in d.Pending)
                    {
                        WriteRecord(writer, record, sink.Sink, d.Destination);
                    }
                }
            }
        }

        return stream.ToArray();
    }

    /// <summary>The sinks <see cref="Write"/> wrote.</summary>
    /// <exception cref="InvalidDataException">The bytes are not a checkpoint of this version, or are cut short.</exception>
    public static IReadOnlyList<SinkCheckpoint> Read(ReadOnlyMemory<byte> bytes)
    {
        using var stream = new MemoryStream(bytes.ToArray(), writable: false);
        using var reader = new BinaryReader(stream, Encoding.UTF8);
        try
        {
            if (reader.ReadInt32() != Magic)
            {
                throw new InvalidDataException("These bytes are not an ActorSim egress checkpoint.");
            }

            var version = reader.ReadByte();
            if (version != Version)
            {
                throw new InvalidDataException($"Egress checkpoint version {version} is not readable by this version of ActorSim (it reads version {Version}).");
            }

            var sinks = new SinkCheckpoint[reader.ReadInt32()];
            for (var s = 0; s < sinks.Length; s++)
            {
                var name = reader.ReadString();
                var published = reader.ReadInt64();
                var dropped = reader.ReadInt64();
                var written = reader.ReadInt64();
                var destinations = new DestinationCheckpoint[reader.ReadInt32()];
                for (var d = 0; d < destinations.Length; d++)
                {
                    var destination = reader.ReadString();
                    var flatten = reader.ReadBoolean();
                    var taken = reader.ReadInt32();
                    var destPublished = reader.ReadInt64();
                    var destWritten = reader.ReadInt64();
                    var chunks = reader.ReadInt32();
                    var destBytes = reader.ReadInt64();
                    var firstTime = reader.ReadDouble();
                    var pending = new SimRecord[reader.ReadInt32()];
                    for (var r = 0; r < pending.Length; r++)
                    {
                        pending[r] = ReadRecord(reader);
                    }

                    destinations[d] = new DestinationCheckpoint(destination, flatten, taken, destPublished, destWritten, chunks, destBytes, firstTime, pending);
                }

                sinks[s] = new SinkCheckpoint(name, published, dropped, written, destinations);
            }

            return sinks;
        }
        catch (EndOfStreamException e)
        {
            throw new InvalidDataException("The egress checkpoint is cut short.", e);
        }
    }

    private static void WriteRecord(BinaryWriter writer, in SimRecord record, string sink, string destination)
    {
        writer.Write((byte)record.Kind);
        writer.Write(record.SimTime);
        WriteString(writer, record.Key.Prefix);
        writer.Write(record.Key.Number);
        WriteString(writer, record.PathId);
        WriteString(writer, record.Status);
        writer.Write(record.Number);
        try
        {
            WriteValue(writer, record.Value);
        }
        catch (NotSupportedException e)
        {
            throw new NotSupportedException($"Sink '{sink}', destination '{destination}': the record at t={record.SimTime} cannot be kept in a checkpoint: {e.Message}", e);
        }
    }

    private static SimRecord ReadRecord(BinaryReader reader)
    {
        var kind = (RecordKind)reader.ReadByte();
        var simTime = reader.ReadDouble();
        var prefix = ReadString(reader);
        var keyNumber = reader.ReadInt64();
        var pathId = ReadString(reader);
        var status = ReadString(reader);
        var number = reader.ReadDouble();
        var value = ReadValue(reader);
        var key = prefix is null ? default : new RecordKey(prefix, keyNumber);
        return kind switch
        {
            RecordKind.Event when status is not null => SimRecord.Lifecycle(simTime, key, pathId!, status),
            RecordKind.Event => SimRecord.Event(simTime, key, value),
            RecordKind.Telemetry when value is null => SimRecord.Telemetry(simTime, pathId!, number),
            RecordKind.Telemetry => SimRecord.Telemetry(simTime, pathId!, value),
            _ => throw new InvalidDataException($"Unknown record kind {(byte)kind} in an egress checkpoint."),
        };
    }

    private static void WriteString(BinaryWriter writer, string? text)
    {
        writer.Write(text is not null);
        if (text is not null)
        {
            writer.Write(text);
        }
    }

    private static string? ReadString(BinaryReader reader) => reader.ReadBoolean() ? reader.ReadString() : null;

    private static void WriteValue(BinaryWriter writer, object? value)
    {
        switch (value)
        {
            case null: writer.Write((byte)Tag.Null); break;
            case string s: writer.Write((byte)Tag.String); writer.Write(s); break;
            case bool b: writer.Write((byte)Tag.Bool); writer.Write(b); break;
            case double d: writer.Write((byte)Tag.Double); writer.Write(d); break;
            case float f: writer.Write((byte)Tag.Float); writer.Write(f); break;
            case long l: writer.Write((byte)Tag.Long); writer.Write(l); break;
            case int i: writer.Write((byte)Tag.Int); writer.Write(i); break;
            case short h: writer.Write((byte)Tag.Short); writer.Write(h); break;
            case byte u8: writer.Write((byte)Tag.Byte); writer.Write(u8); break;
            case sbyte i8: writer.Write((byte)Tag.SByte); writer.Write(i8); break;
            case ushort u16: writer.Write((byte)Tag.UShort); writer.Write(u16); break;
            case uint u32: writer.Write((byte)Tag.UInt); writer.Write(u32); break;
            case ulong u64: writer.Write((byte)Tag.ULong); writer.Write(u64); break;
            case decimal m: writer.Write((byte)Tag.Decimal); writer.Write(m); break;
            case DateTime t: writer.Write((byte)Tag.DateTime); writer.Write(t.ToBinary()); break;
            case DateTimeOffset o: writer.Write((byte)Tag.DateTimeOffset); writer.Write(o.Ticks); writer.Write((short)o.Offset.TotalMinutes); break;
            case IEnumerable<KeyValuePair<string, object?>> fields:
                var list = fields.ToList();
                writer.Write((byte)Tag.Object);
                writer.Write(list.Count);
                foreach (var (name, field) in list)
                {
                    writer.Write(name);
                    WriteValue(writer, field);
                }

                break;
            case IDictionary dictionary:
                var entries = dictionary.Cast<DictionaryEntry>().ToList();
                writer.Write((byte)Tag.Object);
                writer.Write(entries.Count);
                foreach (var entry in entries)
                {
                    writer.Write(Convert.ToString(entry.Key, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty);
                    WriteValue(writer, entry.Value);
                }

                break;
            case IEnumerable items:
                var all = items.Cast<object?>().ToList();
                writer.Write((byte)Tag.List);
                writer.Write(all.Count);
                foreach (var item in all)
                {
                    WriteValue(writer, item);
                }

                break;
            default:
                throw new NotSupportedException($"its value holds a {value.GetType().FullName}; checkpoints keep strings, booleans, numbers, dates, objects of named fields and lists.");
        }
    }

    private static object? ReadValue(BinaryReader reader)
    {
        var tag = (Tag)reader.ReadByte();
        switch (tag)
        {
            case Tag.Null: return null;
            case Tag.String: return reader.ReadString();
            case Tag.Bool: return reader.ReadBoolean();
            case Tag.Double: return reader.ReadDouble();
            case Tag.Float: return reader.ReadSingle();
            case Tag.Long: return reader.ReadInt64();
            case Tag.Int: return reader.ReadInt32();
            case Tag.Short: return reader.ReadInt16();
            case Tag.Byte: return reader.ReadByte();
            case Tag.SByte: return reader.ReadSByte();
            case Tag.UShort: return reader.ReadUInt16();
            case Tag.UInt: return reader.ReadUInt32();
            case Tag.ULong: return reader.ReadUInt64();
            case Tag.Decimal: return reader.ReadDecimal();
            case Tag.DateTime: return DateTime.FromBinary(reader.ReadInt64());
            case Tag.DateTimeOffset:
                var ticks = reader.ReadInt64();
                return new DateTimeOffset(ticks, TimeSpan.FromMinutes(reader.ReadInt16()));
            case Tag.Object:
                var count = reader.ReadInt32();
                var fields = new Dictionary<string, object?>(count, StringComparer.Ordinal);
                for (var n = 0; n < count; n++)
                {
                    var name = reader.ReadString();
                    fields.Add(name, ReadValue(reader));
                }

                return fields;
            case Tag.List:
                var length = reader.ReadInt32();
                var items = new List<object?>(length);
                for (var n = 0; n < length; n++)
                {
                    items.Add(ReadValue(reader));
                }

                return items;
            default:
                throw new InvalidDataException($"Unknown value tag {(byte)tag} in an egress checkpoint.");
        }
    }
}
