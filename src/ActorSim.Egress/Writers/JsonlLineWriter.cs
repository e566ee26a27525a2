using System.Buffers;
using System.Buffers.Text;
using System.Runtime.CompilerServices;
using System.Text.Encodings.Web;
using ActorSim.Egress.Formatting;
using ActorSim.Model.Records;

namespace ActorSim.Egress.Writers;

/// <summary>
/// Writes the common records, lifecycle events and numeric telemetry, straight into the output as UTF-8: constant
/// fragments, digits and cached escaped strings, byte for byte what <see cref="JsonlRecordWriter"/> writes for them.
/// Declines any other record, and any whose strings <see cref="Utf8StringCache"/> declines (one cache per field, so
/// a field's few strings stay in its table of recent ones).
/// </summary>
internal sealed class JsonlLineWriter(JavaScriptEncoder encoder, TimestampFormatter timestamps)
{
    /// <summary>
    /// Room for everything but the cached strings' lengths: fragments (under 100 bytes), sim_ts (24), timestamp (32),
    /// a key number or telemetry value (under 32), and the blocks the three strings are copied in.
    /// </summary>
    private const int FixedRoom = 256 + (3 * PaddedUtf8.Block);

    private readonly SimTsWriter _simTs = new();
    private readonly Utf8StringCache _prefixes = new(encoder);
    private readonly Utf8StringCache _paths = new(encoder);
    private readonly Utf8StringCache _statuses = new(encoder);

    private static ReadOnlySpan<byte> EventStart => "{\"stream_type\":\"event\",\"sim_ts\":"u8;

    private static ReadOnlySpan<byte> TelemetryStart => "{\"stream_type\":\"telemetry\",\"sim_ts\":"u8;

    private static ReadOnlySpan<byte> TimestampName => ",\"timestamp\":\""u8;

    private static ReadOnlySpan<byte> KeyName => "\",\"key\":\""u8;

    private static ReadOnlySpan<byte> PathIdName => "\",\"path_id\":\""u8;

    private static ReadOnlySpan<byte> NestedPathIdName => "\",\"value\":{\"path_id\":\""u8;

    private static ReadOnlySpan<byte> StatusName => "\",\"status\":\""u8;

    private static ReadOnlySpan<byte> ValueName => "\",\"value\":"u8;

    private static ReadOnlySpan<byte> FlatEnd => "\"}\n"u8;

    private static ReadOnlySpan<byte> NestedEnd => "\"}}\n"u8;

    private static ReadOnlySpan<byte> NumberEnd => "}\n"u8;

    private static ReadOnlySpan<byte> Null => "null"u8;

    /// <summary>Writes <paramref name="r"/> and its newline into <paramref name="output"/>; false, writing nothing, if it cannot.</summary>
    [MethodImpl(HotPath.Options)]
    public bool TryWriteLine(IBufferWriter<byte> output, in SimRecord r, bool flatten)
    {
        if (r.Kind == RecordKind.Event)
        {
            return r.Status is { } status
                && r.Key.Prefix is { } prefix
                && _prefixes.TryGet(prefix, out var key)
                && _paths.TryGet(r.PathId ?? string.Empty, out var path)
                && _statuses.TryGet(status, out var statusText)
                && WriteLifecycle(output, in r, flatten, key, path, statusText);
        }

        return r.Value is null
            && _paths.TryGet(r.PathId ?? string.Empty, out var telemetryPath)
            && WriteTelemetry(output, in r, telemetryPath);
    }

    [MethodImpl(MethodImplOptions.NoInlining | HotPath.Options)]
    private bool WriteLifecycle(IBufferWriter<byte> output, in SimRecord r, bool flatten, PaddedUtf8 key, PaddedUtf8 path, PaddedUtf8 status)
    {
        var span = output.GetSpan(FixedRoom + key.Length + path.Length + status.Length);
        var n = WriteTimes(span, EventStart, r.SimTime);
        n = Append(span, n, KeyName);
        n += key.CopyTo(span[n..]);
        if (r.Key.Number >= 0)
        {
            Utf8Formatter.TryFormat(r.Key.Number, span[n..], out var digits);
            n += digits;
        }

        n = Append(span, n, flatten ? PathIdName : NestedPathIdName);
        n += path.CopyTo(span[n..]);
        n = Append(span, n, StatusName);
        n += status.CopyTo(span[n..]);
        n = Append(span, n, flatten ? FlatEnd : NestedEnd);
        output.Advance(n);
        return true;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private bool WriteTelemetry(IBufferWriter<byte> output, in SimRecord r, PaddedUtf8 path)
    {
        var span = output.GetSpan(FixedRoom + path.Length);
        var n = WriteTimes(span, TelemetryStart, r.SimTime);
        n = Append(span, n, PathIdName);
        n += path.CopyTo(span[n..]);
        n = Append(span, n, ValueName);
        n = double.IsFinite(r.Number) ? n + JsonNumber.Write(r.Number, span[n..]) : Append(span, n, Null);
        n = Append(span, n, NumberEnd);
        output.Advance(n);
        return true;
    }

    /// <summary>Writes <paramref name="start"/>, sim_ts and the timestamp up to its closing quote; returns the length.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int WriteTimes(Span<byte> span, ReadOnlySpan<byte> start, double simTime)
    {
        var milliseconds = RecordTime.SimMilliseconds(simTime);
        var n = Append(span, 0, start);
        n += _simTs.Write(milliseconds, span[n..]);
        n = Append(span, n, TimestampName);
        return n + timestamps.Write(milliseconds, span[n..]);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Append(Span<byte> span, int at, ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(span[at..]);
        return at + bytes.Length;
    }
}
