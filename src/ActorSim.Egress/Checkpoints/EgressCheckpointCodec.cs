using System.Text;

namespace ActorSim.Egress.Checkpoints;

/// <summary>A line's sinks at a checkpoint (<see cref="SinkCheckpoint"/>), or how they resume (<see cref="SinkResume"/>), as bytes and back.</summary>
public static class EgressCheckpointCodec
{
    private const int CheckpointMagic = 0x43455341; // "ASEC"
    private const int ResumeMagic = 0x52455341; // "ASER"
    private const byte Version = 1;

    /// <summary>The bytes of <paramref name="sinks"/>.</summary>
    public static byte[] Write(IReadOnlyList<SinkCheckpoint> sinks)
    {
        ArgumentNullException.ThrowIfNull(sinks);
        return Encode(CheckpointMagic, sinks, (w, s) =>
        {
            WriteSink(w, s.Sink, s.Published, s.Dropped, s.Written, s.Destinations.Count);
            foreach (var d in s.Destinations)
            {
                WriteDestination(w, d.Destination, d.Flatten, d.BatchesTaken, d.Published, d.Written, d.Chunks, d.Bytes);
                w.Write(d.Pending);
            }
        });
    }

    /// <summary>The bytes of <paramref name="sinks"/>.</summary>
    public static byte[] Write(IReadOnlyList<SinkResume> sinks)
    {
        ArgumentNullException.ThrowIfNull(sinks);
        return Encode(ResumeMagic, sinks, (w, s) =>
        {
            WriteSink(w, s.Sink, s.Published, s.Dropped, s.Written, s.Destinations.Count);
            foreach (var d in s.Destinations)
            {
                WriteDestination(w, d.Destination, d.Flatten, d.BatchesTaken, d.Published, d.Written, d.Chunks, d.Bytes);
                w.Write(d.Skip);
            }
        });
    }

    /// <summary>The checkpoints <see cref="Write(IReadOnlyList{SinkCheckpoint})"/> wrote.</summary>
    /// <exception cref="InvalidDataException">The bytes are not sink checkpoints of this version, or are cut short.</exception>
    public static IReadOnlyList<SinkCheckpoint> ReadCheckpoints(ReadOnlyMemory<byte> bytes) => Decode(bytes, CheckpointMagic, "sink checkpoints", r =>
    {
        var (name, published, dropped, written, count) = ReadSink(r);
        var destinations = new DestinationCheckpoint[count];
        for (var d = 0; d < count; d++)
        {
            var (destination, flatten, taken, destPublished, destWritten, chunks, destBytes) = ReadDestination(r);
            destinations[d] = new DestinationCheckpoint(destination, flatten, taken, destPublished, destWritten, chunks, destBytes, r.ReadInt32());
        }

        return new SinkCheckpoint(name, published, dropped, written, destinations);
    });

    /// <summary>The resumes <see cref="Write(IReadOnlyList{SinkResume})"/> wrote.</summary>
    /// <exception cref="InvalidDataException">The bytes are not sink resumes of this version, or are cut short.</exception>
    public static IReadOnlyList<SinkResume> ReadResumes(ReadOnlyMemory<byte> bytes) => Decode(bytes, ResumeMagic, "sink resumes", r =>
    {
        var (name, published, dropped, written, count) = ReadSink(r);
        var destinations = new DestinationResume[count];
        for (var d = 0; d < count; d++)
        {
            var (destination, flatten, taken, destPublished, destWritten, chunks, destBytes) = ReadDestination(r);
            destinations[d] = new DestinationResume(destination, flatten, taken, destPublished, destWritten, chunks, destBytes, r.ReadInt64());
        }

        return new SinkResume(name, published, dropped, written, destinations);
    });

    private static byte[] Encode<T>(int magic, IReadOnlyList<T> sinks, Action<BinaryWriter, T> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(magic);
            writer.Write(Version);
            writer.Write(sinks.Count);
            foreach (var sink in sinks)
            {
                write(writer, sink);
            }
        }

        return stream.ToArray();
    }

    private static T[] Decode<T>(ReadOnlyMemory<byte> bytes, int magic, string what, Func<BinaryReader, T> read)
    {
        using var reader = new BinaryReader(new MemoryStream(bytes.ToArray(), writable: false), Encoding.UTF8);
        try
        {
            if (reader.ReadInt32() != magic)
            {
                throw new InvalidDataException($"These bytes are not ActorSim {what}.");
            }

            var version = reader.ReadByte();
            if (version != Version)
            {
                throw new InvalidDataException($"ActorSim {what} of version {version} are not readable by this version of ActorSim (it reads version {Version}).");
            }

            var sinks = new T[reader.ReadInt32()];
            for (var s = 0; s < sinks.Length; s++)
            {
                sinks[s] = read(reader);
            }

            return sinks;
        }
        catch (EndOfStreamException e)
        {
            throw new InvalidDataException($"The {what} are cut short.", e);
        }
    }

    private static void WriteSink(BinaryWriter w, string name, long published, long dropped, long written, int destinations)
    {
        w.Write(name);
        w.Write(published);
        w.Write(dropped);
        w.Write(written);
        w.Write(destinations);
    }

    private static (string Name, long Published, long Dropped, long Written, int Destinations) ReadSink(BinaryReader r) =>
        (r.ReadString(), r.ReadInt64(), r.ReadInt64(), r.ReadInt64(), r.ReadInt32());

    private static void WriteDestination(BinaryWriter w, string destination, bool flatten, int taken, long published, long written, int chunks, long bytes)
    {
        w.Write(destination);
        w.Write(flatten);
        w.Write(taken);
        w.Write(published);
        w.Write(written);
        w.Write(chunks);
        w.Write(bytes);
    }

    private static (string Destination, bool Flatten, int Taken, long Published, long Written, int Chunks, long Bytes) ReadDestination(BinaryReader r) =>
        (r.ReadString(), r.ReadBoolean(), r.ReadInt32(), r.ReadInt64(), r.ReadInt64(), r.ReadInt32(), r.ReadInt64());
}
