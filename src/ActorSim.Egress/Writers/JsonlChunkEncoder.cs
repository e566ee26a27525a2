using System.Runtime.CompilerServices;
using System.Buffers;
using System.Text.Encodings.Web;
using ActorSim.Egress.Formatting;
using ActorSim.Egress.Internal;

namespace ActorSim.Egress.Writers;

/// <summary>
/// JSON Lines chunks: one object per record with dynamic-des's field names and order, written into one reused buffer.
/// Lifecycle events and numeric telemetry go straight in as UTF-8 (<see cref="JsonlLineWriter"/>), anything else
/// through a reused <see cref="System.Text.Json.Utf8JsonWriter"/> (<see cref="JsonlRecordWriter"/>); the bytes are the
/// same either way, and neither allocates per record for the common records.
/// </summary>
internal sealed class JsonlChunkEncoder : IChunkEncoder
{
    private readonly ArrayBufferWriter<byte>[] _buffers;
    private readonly JsonlLineWriter _lines;
    private readonly JsonlRecordWriter _records;
    private int _turn;

    public JsonlChunkEncoder(DateTime logicalStart, int buffers = 2)
    {
        _buffers = Enumerable.Range(0, buffers).Select(_ => new ArrayBufferWriter<byte>(1 << 16)).ToArray();
        var encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        var timestamps = new TimestampFormatter(logicalStart);
        _lines = new JsonlLineWriter(encoder, timestamps);
        _records = new JsonlRecordWriter(_buffers[0], encoder, timestamps);
    }

    [MethodImpl(HotPath.Options)]
    public ReadOnlyMemory<byte> Encode(RecordBatch batch)
    {
        _turn = (_turn + 1) % _buffers.Length;
        var buffer = _buffers[_turn];
        buffer.ResetWrittenCount();
        _records.Reset(buffer);
        var flatten = batch.Flatten;
        foreach (ref readonly var record in batch.Span)
        {
            if (!_lines.TryWriteLine(buffer, in record, flatten))
            {
                _records.WriteLine(in record, flatten);
            }
        }

        return buffer.WrittenMemory;
    }
}
