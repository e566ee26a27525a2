using ActorSim.Blueprints;
using Parquet;
using Parquet.Schema;

namespace ActorSim.Snapshots.Schedules.Internal;

/// <summary>Reads a schedule's rows from a Parquet file, every top-level column of every row group, typed as stored.</summary>
internal static class ParquetSchedule
{
    public static ScheduleTable Read(ScheduleSource source)
    {
        try
        {
            return ReadAsync(source).GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException or NotSupportedException or ParquetException)
        {
            throw new ScheduleSourceException($"cannot read the Parquet file '{source.Location}': {e.Message}", e);
        }
    }

    private static async Task<ScheduleTable> ReadAsync(ScheduleSource source)
    {
        await using var stream = File.OpenRead(source.Location);
        await using var reader = await ParquetReader.CreateAsync(stream).ConfigureAwait(false);
        var fields = reader.Schema.GetDataFields();
        var rows = new List<ScheduleRow>();
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            var count = checked((int)group.RowCount);
            var columns = new object?[fields.Length][];
            for (var c = 0; c < fields.Length; c++)
            {
                columns[c] = await ReadColumnAsync(group, fields[c], count, source).ConfigureAwait(false);
            }

            for (var r = 0; r < count; r++)
            {
                var values = new object?[fields.Length];
                for (var c = 0; c < fields.Length; c++)
                {
                    values[c] = columns[c][r];
                }

                rows.Add(new ScheduleRow($"{source.Display} row {rows.Count + 1}", values));
            }
        }

        return new ScheduleTable(fields.Select(f => f.Name).ToArray(), rows);
    }

    private static async Task<object?[]> ReadColumnAsync(ParquetRowGroupReader group, DataField field, int rows, ScheduleSource source)
    {
        var type = field.ClrType;
        if (type == typeof(string))
        {
            var text = new string?[rows];
            await group.ReadAsync(field, text.AsMemory(), null).ConfigureAwait(false);
            return text;
        }

        if (type == typeof(ReadOnlyMemory<char>))
        {
            var memory = await ValuesAsync<ReadOnlyMemory<char>>(group, field, rows).ConfigureAwait(false);
            return Array.ConvertAll(memory, m => m is ReadOnlyMemory<char> chars ? (object?)chars.ToString() : null);
        }

        return type switch
        {
            _ when type == typeof(long) => await ValuesAsync<long>(group, field, rows).ConfigureAwait(false),
            _ when type == typeof(int) => await ValuesAsync<int>(group, field, rows).ConfigureAwait(false),
            _ when type == typeof(short) => await ValuesAsync<short>(group, field, rows).ConfigureAwait(false),
            _ when type == typeof(double) => await ValuesAsync<double>(group, field, rows).ConfigureAwait(false),
            _ when type == typeof(float) => await ValuesAsync<float>(group, field, rows).ConfigureAwait(false),
            _ when type == typeof(decimal) => await ValuesAsync<decimal>(group, field, rows).ConfigureAwait(false),
            _ when type == typeof(bool) => await ValuesAsync<bool>(group, field, rows).ConfigureAwait(false),
            _ when type == typeof(DateTime) => await ValuesAsync<DateTime>(group, field, rows).ConfigureAwait(false),
            _ when type == typeof(DateTimeOffset) => await ValuesAsync<DateTimeOffset>(group, field, rows).ConfigureAwait(false),
            _ when type == typeof(TimeSpan) => await ValuesAsync<TimeSpan>(group, field, rows).ConfigureAwait(false),
            _ => throw new ScheduleSourceException(
                $"{source.Display}: the column '{field.Name}' holds {type.Name} values; a schedule's columns are text, numbers, flags, timestamps or intervals."),
        };
    }

    private static async Task<object?[]> ValuesAsync<T>(ParquetRowGroupReader group, DataField field, int rows)
        where T : struct
    {
        var values = new T?[rows];
        if (field.IsNullable)
        {
            await group.ReadAsync(field, values.AsMemory(), null).ConfigureAwait(false);
        }
        else
        {
            var plain = new T[rows];
            await group.ReadAsync(field, plain.AsMemory(), null).ConfigureAwait(false);
            for (var i = 0; i < rows; i++)
            {
                values[i] = plain[i];
            }
        }

        return Array.ConvertAll(values, v => v is { } value ? (object?)value : null);
    }
}
