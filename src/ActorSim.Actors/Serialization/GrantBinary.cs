using System.Runtime.Serialization;
using System.Text;
using ActorSim.Actors.Messages;
using ActorSim.Model.Plants;
using ActorSim.Model.Records;

namespace ActorSim.Actors.Serialization;

/// <summary>
/// <see cref="Grant"/> and <see cref="GrantDone"/> — the messages that carry items in transit — as little-endian binary
/// (<c>grant.v2</c>, <c>grant-done.v2</c>): doubles as their exact 64 bits, and each distinct string of a message (a
/// link's name, a key's prefix, an attribute's name) written once and then referred to by its number. An item of the
/// two-stage plant took about 380 bytes as JSON (<c>grant.v1</c>), which every grant and report wrote, and read, twice
/// on its way between nodes.
/// </summary>
internal static class GrantBinary
{
    private const byte Text = 1;
    private const byte Integer = 2;
    private const byte Number = 3;
    private const byte Flag = 4;

    public static byte[] Write(Grant grant)
    {
        using var stream = new MemoryStream(64 + (grant.Deliveries.Count * 48));
        using (var w = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            var strings = new Dictionary<string, int>(StringComparer.Ordinal);
            w.Write(grant.RunId);
            w.Write(grant.Round);
            w.Write(grant.Line);
            w.Write(grant.Horizon);
            WriteShipments(w, grant.Deliveries, strings);
            // Appended: a reader of the first layout stops before it (and its line reports without a capture).
            // Capture at the horizon is bit 1, at listed instants bit 4: a reader that knows only bit 1 must not take a
            // checkpoint's capture for a capture at the horizon (it reports without a state, and the checkpoint is skipped).
            var atInstants = grant.Capture && grant.CaptureAt is not null;
            w.Write((byte)((grant.Capture && !atInstants ? 1 : 0) | (grant.CaptureEgress ? 2 : 0) | (atInstants ? 4 : 0)));
            // Appended after the flags: the instants of captures inside the grant.
            var instants = grant.CaptureAt ?? [];
            w.Write(grant.CaptureAt is null ? -1 : instants.Count);
            foreach (var instant in instants)
            {
                w.Write(instant);
            }

            // Appended after the instants: the items sent straight to the line that it delivers now.
            var direct = grant.Direct ?? [];
            w.Write(direct.Count);
            foreach (var release in direct)
            {
                w.Write(release.SourceLine);
                w.Write(release.Through);
            }
        }

        return stream.ToArray();
    }

    public static byte[] Write(GrantDone done)
    {
        using var stream = new MemoryStream(96 + (done.Sent.Count * 48));
        using (var w = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            var strings = new Dictionary<string, int>(StringComparer.Ordinal);
            w.Write(done.RunId);
            w.Write(done.Round);
            w.Write(done.Line);
            w.Write(done.NextEventTime);
            WriteShipments(w, done.Sent, strings);
            w.Write(done.ProcessedEvents);
            w.Write(done.BusySeconds);
            w.Write(done.Egress is not null);
            if (done.Egress is { } egress)
            {
                w.Write(egress.RecordsWritten);
                w.Write(egress.QueuedBatches);
                w.Write(egress.BlockedSeconds);
            }

            w.Write(done.Reached.HasValue);
            if (done.Reached is { } reached)
            {
                w.Write(reached);
            }

            // Appended: a reader of the first layout stops before it (and its coordinator asks for the state instead).
            var captures = done.Captured ?? [];
            w.Write(captures.Count > 0);
            if (captures.Count > 0)
            {
                WriteCaptured(w, captures[0]);
            }

            // Appended: the states at a grant's further capture instants.
            w.Write(Math.Max(0, captures.Count - 1));
            for (var i = 1; i < captures.Count; i++)
            {
                WriteCaptured(w, captures[i]);
            }

            // Appended: the items sent straight to lines on the line's node.
            var direct = done.Direct ?? [];
            w.Write(direct.Count);
            foreach (var sent in direct)
            {
                w.Write(sent.DestinationLine);
                w.Write(sent.Through);
                w.Write(sent.EarliestArrival);
            }

            // Appended: per state captured, the items the line sent straight that were in transit at its instant.
            w.Write(captures.Count);
            foreach (var captured in captures)
            {
                WriteShipments(w, captured.InTransitOut ?? [], strings);
            }
        }

        return stream.ToArray();
    }

    public static object Read(byte[] bytes, string manifest)
    {
        using var r = new BinaryReader(new MemoryStream(bytes), Encoding.UTF8);
        var strings = new List<string>();
        try
        {
            return manifest switch
            {
                MessageManifests.GrantBinary => ReadGrant(r, strings),
                MessageManifests.GrantDoneBinary => ReadGrantDone(r, strings),
                _ => throw new SerializationException($"'{manifest}' is not a binary grant manifest."),
            };
        }
        catch (EndOfStreamException e)
        {
            throw new SerializationException($"The message '{manifest}' is truncated ({bytes.Length} bytes).", e);
        }
    }

    private static Grant ReadGrant(BinaryReader r, List<string> strings)
    {
        var grant = new Grant(r.ReadString(), r.ReadInt64(), r.ReadInt32(), r.ReadDouble(), ReadShipments(r, strings));
        var flags = More(r) ? r.ReadByte() : 0;
        var count = More(r) ? r.ReadInt32() : -1;
        var instants = count < 0 ? null : new double[count];
        for (var i = 0; i < count; i++)
        {
            instants![i] = r.ReadDouble();
        }

        var direct = new DirectRelease[More(r) ? r.ReadInt32() : 0];
        for (var i = 0; i < direct.Length; i++)
        {
            direct[i] = new DirectRelease(r.ReadInt32(), r.ReadInt64());
        }

        return grant with { Capture = (flags & 5) != 0, CaptureEgress = (flags & 2) != 0, CaptureAt = instants, Direct = direct.Length > 0 ? direct : null };
    }

    private static GrantDone ReadGrantDone(BinaryReader r, List<string> strings)
    {
        var done = new GrantDone(
            r.ReadString(), r.ReadInt64(), r.ReadInt32(), r.ReadDouble(), ReadShipments(r, strings), r.ReadInt64(), r.ReadDouble(),
            r.ReadBoolean() ? new EgressStatus(r.ReadInt64(), r.ReadInt32(), r.ReadDouble()) : null,
            r.ReadBoolean() ? r.ReadDouble() : null);
        if (!More(r))
        {
            return done;
        }

        List<LineStateCaptured>? captures = r.ReadBoolean() ? [ReadCaptured(r, done.RunId, done.Line)] : null;
        for (var more = More(r) ? r.ReadInt32() : 0; more > 0; more--)
        {
            captures!.Add(ReadCaptured(r, done.RunId, done.Line));
        }

        var direct = new DirectlySent[More(r) ? r.ReadInt32() : 0];
        for (var i = 0; i < direct.Length; i++)
        {
            direct[i] = new DirectlySent(r.ReadInt32(), r.ReadInt64(), r.ReadDouble());
        }

        var outgoing = More(r) ? r.ReadInt32() : 0;
        for (var i = 0; i < outgoing; i++)
        {
            var items = ReadShipments(r, strings);
            if (items.Length > 0)
            {
                captures![i] = captures[i] with { InTransitOut = items };
            }
        }

        return done with { Captured = captures, Direct = direct.Length > 0 ? direct : null };
    }

    /// <summary>True when the message goes on past its first layout.</summary>
    private static bool More(BinaryReader r) => r.BaseStream.Position < r.BaseStream.Length;

    private static void WriteCaptured(BinaryWriter w, LineStateCaptured captured)
    {
        WriteOptional(w, captured.StateJson);
        WriteOptional(w, captured.Error);
        w.Write(captured.Egress is not null);
        if (captured.Egress is { } egress)
        {
            w.Write(egress.Length);
            w.Write(egress);
        }

        w.Write(captured.Chunks?.Length ?? -1);
        foreach (var chunk in captured.Chunks ?? [])
        {
            w.Write(chunk.Path);
            w.Write(chunk.Line);
            w.Write(chunk.Sink);
            w.Write(chunk.Rows);
            w.Write(chunk.Bytes);
            w.Write(chunk.Sha256);
        }
    }

    private static LineStateCaptured ReadCaptured(BinaryReader r, string runId, int line)
    {
        var (state, error) = (ReadOptional(r), ReadOptional(r));
        var egress = r.ReadBoolean() ? r.ReadBytes(r.ReadInt32()) : null;
        var count = r.ReadInt32();
        ActorSim.Egress.Destinations.ManifestChunk[]? chunks = null;
        if (count >= 0)
        {
            chunks = new ActorSim.Egress.Destinations.ManifestChunk[count];
            for (var i = 0; i < count; i++)
            {
                chunks[i] = new ActorSim.Egress.Destinations.ManifestChunk(r.ReadString(), r.ReadString(), r.ReadString(), r.ReadInt64(), r.ReadInt64(), r.ReadString());
            }
        }

        // The run and line are the report's own.
        return new LineStateCaptured(runId, line, state, error, egress, chunks);
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

    private static void WriteShipments(BinaryWriter w, IReadOnlyList<ItemShipment> shipments, Dictionary<string, int> strings)
    {
        w.Write(shipments.Count);
        foreach (var s in shipments)
        {
            WriteString(w, s.Link, strings);
            w.Write(s.SourceLine);
            w.Write(s.DestinationLine);
            w.Write(s.Sequence);
            w.Write(s.SentAt);
            w.Write(s.ArrivalTime);
            WriteString(w, s.Item.Key.Prefix, strings);
            w.Write(s.Item.Key.Number);
            var attributes = s.Item.Attributes;
            w.Write(attributes?.Count ?? 0);
            if (attributes is null)
            {
                continue;
            }

            foreach (var (name, value) in attributes)
            {
                WriteString(w, name, strings);
                switch (value)
                {
                    case string text:
                        w.Write(Text);
                        w.Write(text);
                        break;
                    case bool flag:
                        w.Write(Flag);
                        w.Write(flag);
                        break;
                    case long or int or short or sbyte or uint or ushort or byte:
                        w.Write(Integer);
                        w.Write(Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture));
                        break;
                    case double number:
                        w.Write(Number);
                        w.Write(number);
                        break;
                    case float number:
                        w.Write(Number);
                        w.Write((double)number);
                        break;
                    default:
                        // The sending line checked every attribute (ShipmentConversion.CheckAttributes) before it sent the item.
                        throw new SerializationException($"Item {s.Item.Key} over link '{s.Link}' carries attribute '{name}' of type {value?.GetType().Name ?? "null"}, which has no wire form.");
                }
            }
        }
    }

    private static ItemShipment[] ReadShipments(BinaryReader r, List<string> strings)
    {
        var count = r.ReadInt32();
        if (count < 0 || count > (r.BaseStream.Length - r.BaseStream.Position) / 40)
        {
            throw new SerializationException($"A grant holds {count} items, more than its bytes can.");
        }

        var shipments = new ItemShipment[count];
        for (var i = 0; i < count; i++)
        {
            var link = ReadString(r, strings);
            var (source, destination, sequence, sentAt, arrival) = (r.ReadInt32(), r.ReadInt32(), r.ReadInt64(), r.ReadDouble(), r.ReadDouble());
            var key = new RecordKey(ReadString(r, strings), r.ReadInt64());
            var attributeCount = r.ReadInt32();
            Dictionary<string, object>? attributes = null;
            if (attributeCount > 0)
            {
                attributes = new Dictionary<string, object>(attributeCount, StringComparer.Ordinal);
                for (var a = 0; a < attributeCount; a++)
                {
                    var name = ReadString(r, strings);
                    attributes[name] = r.ReadByte() switch
                    {
                        Text => r.ReadString(),
                        Integer => r.ReadInt64(),
                        Number => r.ReadDouble(),
                        Flag => r.ReadBoolean(),
                        var kind => throw new SerializationException($"Attribute '{name}' of item {key} has an unknown kind {kind}."),
                    };
                }
            }

            shipments[i] = new ItemShipment(link, source, destination, sequence, sentAt, arrival, new PlantItem(key, attributes));
        }

        return shipments;
    }

    /// <summary>A string the message has not written yet: -1 and the string; one it has: its number.</summary>
    private static void WriteString(BinaryWriter w, string text, Dictionary<string, int> strings)
    {
        if (strings.TryGetValue(text, out var number))
        {
            w.Write(number);
            return;
        }

        strings[text] = strings.Count;
        w.Write(-1);
        w.Write(text);
    }

    private static string ReadString(BinaryReader r, List<string> strings)
    {
        var number = r.ReadInt32();
        if (number == -1)
        {
            var text = r.ReadString();
            strings.Add(text);
            return text;
        }

        return number >= 0 && number < strings.Count ? strings[number] : throw new SerializationException($"A grant refers to string {number} of {strings.Count}.");
    }
}
