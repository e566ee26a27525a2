using System.Runtime.Serialization;
using System.Text;
using ActorSim.Cluster.Messages;
using ActorSim.Egress.Destinations;
using ActorSim.Egress.Reports;
using ActorSim.Forecasts.Records;
using Akka.Actor;
using Akka.Serialization;

namespace ActorSim.Cluster.Serialization;

/// <summary>
/// Writes every <see cref="IClusterMessage"/> as little-endian binary (strings UTF-8 with a length, doubles as their
/// exact 64 bits, NaN included) under a versioned manifest: a message whose layout changes gets a new manifest
/// (<c>work-batch.v2</c>) while the old one stays readable for a release. Bound in <c>cluster-config/cluster-node.conf</c>.
/// </summary>
internal sealed class ClusterMessageSerializer(ExtendedActorSystem system) : SerializerWithStringManifest(system)
{
    /// <summary>The serializer id in <c>akka.actor.serialization-identifiers</c>.</summary>
    public const int Id = 4101;

    private static readonly Dictionary<Type, string> Manifests = new()
    {
        [typeof(JobOffer)] = "job-offer.v1",
        [typeof(JobWanted)] = "job-wanted.v1",
        [typeof(JobChunk)] = "job-chunk.v1",
        [typeof(JobRefused)] = "job-refused.v1",
        [typeof(WorkRequest)] = "work-request.v1",
        [typeof(WorkBatch)] = "work-batch.v1",
        [typeof(ReplicationDone)] = "replication-done.v2",
        [typeof(JobEnded)] = "job-ended.v1",
        [typeof(LinesOffered)] = "lines-offered.v2",
        [typeof(LineStatePart)] = "line-state-part.v1",
        [typeof(LinesPrepared)] = "lines-prepared.v1",
        [typeof(CollectLines)] = "collect-lines.v1",
        [typeof(LinesCollected)] = "lines-collected.v1",
    };

    /// <summary>Every manifest with its type, for tests.</summary>
    public static IReadOnlyDictionary<Type, string> All => Manifests;

    public override int Identifier => Id;

    public override string Manifest(object o)
    {
        ArgumentNullException.ThrowIfNull(o);
        return Manifests.TryGetValue(o.GetType(), out var manifest)
            ? manifest
            : throw new ArgumentException($"{o.GetType().FullName} implements IClusterMessage but has no manifest; add it to ClusterMessageSerializer.", nameof(o));
    }

    public override byte[] ToBinary(object obj)
    {
        ArgumentNullException.ThrowIfNull(obj);
        using var stream = new MemoryStream();
        using (var w = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            switch (obj)
            {
                case JobOffer m:
                    w.Write(m.JobId);
                    w.Write(m.JobHash);
                    break;
                case JobWanted m:
                    w.Write(m.JobId);
                    w.Write(m.JobHash);
                    break;
                case JobChunk m:
                    w.Write(m.JobId);
                    w.Write(m.JobHash);
                    w.Write(m.Index);
                    w.Write(m.Count);
                    w.Write(m.Data.Length);
                    w.Write(m.Data);
                    break;
                case JobRefused m:
                    w.Write(m.JobId);
                    w.Write(m.Reason);
                    break;
                case WorkRequest m:
                    w.Write(m.JobId);
                    w.Write(m.Slots);
                    w.Write(m.BatchesReceived);
                    break;
                case WorkBatch m:
                    w.Write(m.JobId);
                    w.Write(m.LeaseId);
                    w.Write(m.Indices.Length);
                    foreach (var index in m.Indices)
                    {
                        w.Write(index);
                    }

                    break;
                case ReplicationDone m:
                    w.Write(m.JobId);
                    w.Write(m.LeaseId);
                    w.Write(m.Index);
                    WriteDoubles(w, m.Row);
                    WriteDoubles(w, m.Samples);
                    WriteRecords(w, m.Records);
                    break;
                case JobEnded m:
                    w.Write(m.JobId);
                    break;
                case LinesOffered m:
                    w.Write(m.RunId);
                    w.Write(m.SpecJson);
                    w.Write(m.Lines.Length);
                    foreach (var line in m.Lines)
                    {
                        w.Write(line);
                    }

                    w.Write(m.ChunkTags.Length);
                    foreach (var tag in m.ChunkTags)
                    {
                        WriteOptional(w, tag);
                    }

                    w.Write(m.Checkpoints);
                    w.Write(m.Resumes);
                    break;
                case LineStatePart m:
                    w.Write(m.RunId);
                    w.Write(m.Line);
                    w.Write(m.Offset);
                    w.Write(m.Total);
                    w.Write(m.Bytes.Length);
                    w.Write(m.Bytes);
                    break;
                case LinesPrepared m:
                    w.Write(m.RunId);
                    WriteOptional(w, m.Error);
                    break;
                case CollectLines m:
                    w.Write(m.RunId);
                    w.Write(m.Page);
                    break;
                case LinesCollected m:
                    w.Write(m.RunId);
                    w.Write(m.Lines.Length);
                    foreach (var line in m.Lines)
                    {
                        WriteHostedLine(w, line);
                    }

                    w.Write(m.More);
                    break;
                default:
                    throw new ArgumentException($"{obj.GetType().FullName} is not a cluster message.", nameof(obj));
            }
        }

        return stream.ToArray();
    }

    public override object FromBinary(byte[] bytes, string manifest)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        using var r = new BinaryReader(new MemoryStream(bytes), Encoding.UTF8);
        try
        {
            return manifest switch
            {
                "job-offer.v1" => new JobOffer(r.ReadString(), r.ReadString()),
                "job-wanted.v1" => new JobWanted(r.ReadString(), r.ReadString()),
                "job-chunk.v1" => new JobChunk(r.ReadString(), r.ReadString(), r.ReadInt32(), r.ReadInt32(), r.ReadBytes(r.ReadInt32())),
                "job-refused.v1" => new JobRefused(r.ReadString(), r.ReadString()),
                "work-request.v1" => new WorkRequest(r.ReadString(), r.ReadInt32(), r.ReadInt64()),
                "work-batch.v1" => new WorkBatch(r.ReadString(), r.ReadInt64(), ReadInts(r)),
                "replication-done.v1" => new ReplicationDone(r.ReadString(), r.ReadInt64(), r.ReadInt32(), ReadDoubles(r), ReadDoubles(r)),
                "replication-done.v2" => new ReplicationDone(r.ReadString(), r.ReadInt64(), r.ReadInt32(), ReadDoubles(r), ReadDoubles(r), ReadRecords(r)),
                "job-ended.v1" => new JobEnded(r.ReadString()),
                "lines-offered.v1" => new LinesOffered(r.ReadString(), r.ReadString(), ReadInts(r), ReadArray(r, ReadOptional)),
                "lines-offered.v2" => new LinesOffered(r.ReadString(), r.ReadString(), ReadInts(r), ReadArray(r, ReadOptional), r.ReadBoolean(), r.ReadBoolean()),
                "line-state-part.v1" => new LineStatePart(r.ReadString(), r.ReadInt32(), r.ReadInt32(), r.ReadInt32(), r.ReadBytes(Count(r, elementBytes: 1))),
                "lines-prepared.v1" => new LinesPrepared(r.ReadString(), ReadOptional(r)),
                "collect-lines.v1" => new CollectLines(r.ReadString(), r.ReadInt32()),
                "lines-collected.v1" => new LinesCollected(r.ReadString(), ReadArray(r, ReadHostedLine), r.ReadBoolean()),
                _ => throw new SerializationException(
                    $"Unknown ActorSim cluster message manifest '{manifest}'; the sender runs a version this node does not know. Known: {string.Join(", ", Manifests.Values)}."),
            };
        }
        catch (EndOfStreamException e)
        {
            throw new SerializationException($"The cluster message '{manifest}' is truncated ({bytes.Length} bytes).", e);
        }
    }

    private static void WriteOptional(BinaryWriter w, string? text)
    {
        w.Write(text is not null);
        if (text is not null)
        {
            w.Write(text);
        }
    }

    private static string? ReadOptional(BinaryReader r) => r.ReadBoolean() ? r.ReadString() : null;

    private static T[] ReadArray<T>(BinaryReader r, Func<BinaryReader, T> read)
    {
        var values = new T[Count(r, elementBytes: 1)];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = read(r);
        }

        return values;
    }

    /// <summary>A hosted line: its sim id, per sink its report (with its destinations), then its chunks.</summary>
    private static void WriteHostedLine(BinaryWriter w, HostedLine line)
    {
        w.Write(line.SimId);
        w.Write(line.Sinks.Length);
        foreach (var sink in line.Sinks)
        {
            w.Write(sink.Sink);
            w.Write(sink.Published);
            w.Write(sink.Written);
            w.Write(sink.Dropped);
            w.Write(sink.BlockedSeconds);
            w.Write(sink.Destinations.Count);
            foreach (var d in sink.Destinations)
            {
                w.Write(d.Destination);
                w.Write(d.Published);
                w.Write(d.Written);
                w.Write(d.Chunks);
                w.Write(d.Bytes);
            }
        }

        WriteChunks(w, line.Chunks);
    }

    private static HostedLine ReadHostedLine(BinaryReader r)
    {
        var simId = r.ReadString();
        return new HostedLine(simId, ReadArray(r, ReadSinkReport), ReadChunks(r));
    }

    private static SinkReport ReadSinkReport(BinaryReader r)
    {
        var (sink, published, written, dropped, blocked) = (r.ReadString(), r.ReadInt64(), r.ReadInt64(), r.ReadInt64(), r.ReadDouble());
        var destinations = ReadArray(r, r => new DestinationReport(r.ReadString(), r.ReadInt64(), r.ReadInt64(), r.ReadInt32(), r.ReadInt64()));
        return new SinkReport(sink, published, written, dropped, destinations) { BlockedSeconds = blocked };
    }

    private static void WriteChunks(BinaryWriter w, IReadOnlyList<ManifestChunk> chunks)
    {
        w.Write(chunks.Count);
        foreach (var c in chunks)
        {
            w.Write(c.Path);
            w.Write(c.Line);
            w.Write(c.Sink);
            w.Write(c.Rows);
            w.Write(c.Bytes);
            w.Write(c.Sha256);
        }
    }

    private static ManifestChunk[] ReadChunks(BinaryReader r) =>
        ReadArray(r, r => new ManifestChunk(r.ReadString(), r.ReadString(), r.ReadString(), r.ReadInt64(), r.ReadInt64(), r.ReadString()));

    /// <summary>Kept records: a presence flag, then the chunks (path, line, sink, rows, bytes, SHA-256) and the sinks' totals.</summary>
    private static void WriteRecords(BinaryWriter w, KeptRecords? records)
    {
        w.Write(records is not null);
        if (records is null)
        {
            return;
        }

        WriteChunks(w, records.Chunks);

        w.Write(records.Sinks.Count);
        foreach (var t in records.Sinks)
        {
            w.Write(t.Line);
            w.Write(t.Sink);
            w.Write(t.Published);
            w.Write(t.Written);
            w.Write(t.Dropped);
        }
    }

    private static KeptRecords? ReadRecords(BinaryReader r)
    {
        if (!r.ReadBoolean())
        {
            return null;
        }

        var chunks = ReadChunks(r);
        var sinks = new SinkTotals[Count(r)];
        for (var i = 0; i < sinks.Length; i++)
        {
            sinks[i] = new SinkTotals(r.ReadString(), r.ReadString(), r.ReadInt64(), r.ReadInt64(), r.ReadInt64());
        }

        return new KeptRecords(chunks, sinks);
    }

    private static void WriteDoubles(BinaryWriter w, double[] values)
    {
        w.Write(values.Length);
        foreach (var value in values)
        {
            w.Write(value);
        }
    }

    private static double[] ReadDoubles(BinaryReader r)
    {
        var values = new double[Count(r)];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = r.ReadDouble();
        }

        return values;
    }

    private static int[] ReadInts(BinaryReader r)
    {
        var values = new int[Count(r)];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = r.ReadInt32();
        }

        return values;
    }

    /// <summary>An array's length, checked against the bytes left for elements of at least <paramref name="elementBytes"/> each.</summary>
    private static int Count(BinaryReader r, int elementBytes = 4)
    {
        var count = r.ReadInt32();
        return count >= 0 && count <= (r.BaseStream.Length - r.BaseStream.Position) / elementBytes
            ? count
            : throw new SerializationException($"A cluster message holds an array of {count} elements, more than its bytes can.");
    }
}
