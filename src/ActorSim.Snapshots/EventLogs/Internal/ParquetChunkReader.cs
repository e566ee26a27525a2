using ActorSim.Model.Records;
using Parquet;
using Parquet.Schema;

namespace ActorSim.Snapshots.EventLogs.Internal;

/// <summary>
/// Reads a Parquet chunk's records with Parquet.Net, a row group's columns at a time into reused arrays: <c>stream_type</c>
/// and <c>sim_ts</c> (required), <c>timestamp</c>, <c>key</c>, <c>path_id</c>, <c>status</c> and <c>value</c> when present.
/// An event's <c>value</c> text (an unflattened event) is parsed as JSON for its path id and status; a numeric
/// <c>value</c> is telemetry's number. Strings repeated by the million come from a <see cref="StringPool"/>, a key
/// repeated within a row group (a task's queued, started, finished) is one string.
/// </summary>
internal sealed class ParquetChunkReader(StringPool strings)
{
    private readonly TimestampParser _timestamps = new();
    private readonly NestedValues _nested = new(strings);
    private readonly TextCache _keys = new(), _pathIds = new(), _statuses = new();
    private ReadOnlyMemory<char>?[] _streamType = [], _key = [], _pathId = [], _status = [], _valueText = [];
    private double?[] _simTs = [], _valueNumber = [];
    private DateTime?[] _timestamp = [];

    /// <summary>
    /// Adds the records of <paramref name="bytes"/> before <paramref name="until"/> to <paramref name="output"/>; true when
    /// it stopped at a record at or after it (a chunk's records are in time order).
    /// </summary>
    public async ValueTask<bool> ReadAsync(byte[] bytes, RecordBuffer output, double until, CancellationToken cancellationToken)
    {
        using var stream = new MemoryStream(bytes, writable: false);
        await using var reader = await ParquetReader.CreateAsync(stream, null, leaveStreamOpen: true, cancellationToken).ConfigureAwait(false);
        var fields = reader.Schema.GetDataFields().ToDictionary(f => f.Name, StringComparer.Ordinal);
        var streamType = Required(fields, "stream_type", ParquetColumns.IsText, "text");
        var simTs = Required(fields, "sim_ts", ParquetColumns.IsNumber, "a number");
        var timestamp = fields.GetValueOrDefault("timestamp");
        var key = Optional(fields, "key", ParquetColumns.IsText);
        var pathId = Optional(fields, "path_id", ParquetColumns.IsText);
        var status = Optional(fields, "status", ParquetColumns.IsText);
        var value = fields.GetValueOrDefault("value");
        var valueText = value is not null && ParquetColumns.IsText(value) ? value : null;
        var valueNumber = value is not null && ParquetColumns.IsNumber(value) ? value : null;
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            var rows = checked((int)group.RowCount);
            Grow(rows);
            await ParquetColumns.ReadTextAsync(group, streamType, _streamType, rows, cancellationToken).ConfigureAwait(false);
            await ParquetColumns.ReadNumbersAsync(group, simTs, _simTs, rows, cancellationToken).ConfigureAwait(false);
            await ReadOrClearAsync(timestamp, _timestamp, rows, f => ParquetColumns.ReadTimestampsAsync(group, f, _timestamp, rows, _timestamps, cancellationToken)).ConfigureAwait(false);
            await ReadOrClearAsync(key, _key, rows, f => ParquetColumns.ReadTextAsync(group, f, _key, rows, cancellationToken)).ConfigureAwait(false);
            await ReadOrClearAsync(pathId, _pathId, rows, f => ParquetColumns.ReadTextAsync(group, f, _pathId, rows, cancellationToken)).ConfigureAwait(false);
            await ReadOrClearAsync(status, _status, rows, f => ParquetColumns.ReadTextAsync(group, f, _status, rows, cancellationToken)).ConfigureAwait(false);
            await ReadOrClearAsync(valueText, _valueText, rows, f => ParquetColumns.ReadTextAsync(group, f, _valueText, rows, cancellationToken)).ConfigureAwait(false);
            await ReadOrClearAsync(valueNumber, _valueNumber, rows, f => ParquetColumns.ReadNumbersAsync(group, f, _valueNumber, rows, cancellationToken)).ConfigureAwait(false);
            if (Fill(rows, output, until))
            {
                return true;
            }
        }

        return false;
    }

    private bool Fill(int rows, RecordBuffer output, double until)
    {
        output.Reserve(rows);
        _keys.Clear();
        _pathIds.Clear();
        _statuses.Clear();
        for (var i = 0; i < rows; i++)
        {
            var simTime = _simTs[i] ?? throw new InvalidDataException($"sim_ts is null in row {i + 1}.");
            if (simTime >= until)
            {
                return true;
            }

            var kind = KindOf(_streamType[i], i);
            var pathId = _pathId[i] is { } p ? _pathIds.Get(p, strings) : null;
            if (kind == RecordKind.Telemetry)
            {
                output.Add(new LoggedRecord(RecordKind.Telemetry, simTime, _timestamp[i], null, pathId, null, _valueNumber[i]));
                continue;
            }

            var status = _status[i] is { } s ? _statuses.Get(s, strings) : null;
            if ((pathId is null || status is null) && _valueText[i] is { } text)
            {
                var nested = _nested.Get(text.Span);
                pathId ??= nested.PathId;
                status ??= nested.Status;
            }

            var key = _key[i] is { } k ? _keys.Get(k, null) : null;
            output.Add(new LoggedRecord(RecordKind.Event, simTime, _timestamp[i], key, pathId, status, null));
        }

        return false;
    }

    private static RecordKind KindOf(ReadOnlyMemory<char>? streamType, int row)
    {
        var text = streamType.GetValueOrDefault().Span;
        if (text.SequenceEqual("event"))
        {
            return RecordKind.Event;
        }

        if (text.SequenceEqual("telemetry"))
        {
            return RecordKind.Telemetry;
        }

        throw new InvalidDataException(
            $"stream_type in row {row + 1} must be \"event\" or \"telemetry\", found {(streamType is null ? "null" : $"\"{text}\"")}.");
    }

    private static DataField Required(Dictionary<string, DataField> fields, string name, Func<DataField, bool> fits, string expected) =>
        fields.TryGetValue(name, out var field)
            ? fits(field) ? field : throw new InvalidDataException($"column {name} has type {field.ClrType.Name}; expected {expected}.")
            : throw new InvalidDataException($"there is no column {name} (columns: {string.Join(", ", fields.Keys)}).");

    private static DataField? Optional(Dictionary<string, DataField> fields, string name, Func<DataField, bool> fits) =>
        fields.TryGetValue(name, out var field) && fits(field) ? field : null;

    private static ValueTask ReadOrClearAsync<T>(DataField? field, T[] into, int rows, Func<DataField, ValueTask> read)
    {
        if (field is not null)
        {
            return read(field);
        }

        Array.Clear(into, 0, rows);
        return ValueTask.CompletedTask;
    }

    private void Grow(int rows)
    {
        if (_simTs.Length >= rows)
        {
            return;
        }

        var size = Math.Max(rows, _simTs.Length * 2);
        _streamType = new ReadOnlyMemory<char>?[size];
        _key = new ReadOnlyMemory<char>?[size];
        _pathId = new ReadOnlyMemory<char>?[size];
        _status = new ReadOnlyMemory<char>?[size];
        _valueText = new ReadOnlyMemory<char>?[size];
        _simTs = new double?[size];
        _valueNumber = new double?[size];
        _timestamp = new DateTime?[size];
    }
}
