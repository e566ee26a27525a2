using System.Buffers;
using System.Text;
using Parquet;
using Parquet.Schema;

namespace ActorSim.Snapshots.EventLogs.Internal;

/// <summary>
/// Reads one column of a row group into a reused array of nullable values, whatever its physical form: text columns
/// (<see cref="ReadOnlyMemory{T}"/> of char, or string), numbers (double, float, int64, int32) as double, timestamps as
/// DateTime in UTC (text ones parsed). Required and nullable columns alike.
/// </summary>
internal static class ParquetColumns
{
    public static bool IsText(DataField field) => field.ClrType == typeof(ReadOnlyMemory<char>) || field.ClrType == typeof(string);

    public static bool IsNumber(DataField field) =>
        field.ClrType == typeof(double) || field.ClrType == typeof(float) || field.ClrType == typeof(long) || field.ClrType == typeof(int);

    public static async ValueTask ReadTextAsync(ParquetRowGroupReader group, DataField field, ReadOnlyMemory<char>?[] into, int rows, CancellationToken cancellationToken)
    {
        if (field.ClrType == typeof(string))
        {
            var strings = ArrayPool<string?>.Shared.Rent(rows);
            await group.ReadAsync(field, strings.AsMemory(0, rows), null, cancellationToken).ConfigureAwait(false);
            for (var i = 0; i < rows; i++)
            {
                into[i] = strings[i] is { } s ? s.AsMemory() : null;
            }

            ArrayPool<string?>.Shared.Return(strings, clearArray: true);
        }
        else
        {
            await ReadAsync(group, field, into, rows, cancellationToken).ConfigureAwait(false);
        }
    }

    public static async ValueTask ReadNumbersAsync(ParquetRowGroupReader group, DataField field, double?[] into, int rows, CancellationToken cancellationToken)
    {
        if (field.ClrType == typeof(double))
        {
            await ReadAsync(group, field, into, rows, cancellationToken).ConfigureAwait(false);
        }
        else if (field.ClrType == typeof(float))
        {
            await ConvertAsync<float>(group, field, into, rows, static v => v, cancellationToken).ConfigureAwait(false);
        }
        else if (field.ClrType == typeof(long))
        {
            await ConvertAsync<long>(group, field, into, rows, static v => v, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await ConvertAsync<int>(group, field, into, rows, static v => v, cancellationToken).ConfigureAwait(false);
        }
    }

    public static async ValueTask ReadTimestampsAsync(
        ParquetRowGroupReader group, DataField field, DateTime?[] into, int rows, TimestampParser parser, CancellationToken cancellationToken)
    {
        if (field.ClrType == typeof(DateTime))
        {
            await ReadAsync(group, field, into, rows, cancellationToken).ConfigureAwait(false);
            for (var i = 0; i < rows; i++)
            {
                if (into[i] is { Kind: DateTimeKind.Local } local)
                {
                    into[i] = local.ToUniversalTime();
                }
            }
        }
        else if (field.ClrType == typeof(DateTimeOffset))
        {
            var values = ArrayPool<DateTimeOffset?>.Shared.Rent(rows);
            await ReadAsync(group, field, values, rows, cancellationToken).ConfigureAwait(false);
            for (var i = 0; i < rows; i++)
            {
                into[i] = values[i]?.UtcDateTime;
            }

            ArrayPool<DateTimeOffset?>.Shared.Return(values);
        }
        else if (IsText(field))
        {
            var texts = ArrayPool<ReadOnlyMemory<char>?>.Shared.Rent(rows);
            await ReadTextAsync(group, field, texts, rows, cancellationToken).ConfigureAwait(false);
            Span<byte> utf8 = stackalloc byte[3 * 64];
            for (var i = 0; i < rows; i++)
            {
                into[i] = texts[i] is not { } text ? null
                    : text.Length <= 64 && parser.TryParse(utf8[..Encoding.UTF8.GetBytes(text.Span, utf8)], out var t) ? t
                    : throw new InvalidDataException($"timestamp '{text}' in row {i + 1} is not an ISO-8601 date and time.");
            }

            ArrayPool<ReadOnlyMemory<char>?>.Shared.Return(texts, clearArray: true);
        }
        else
        {
            throw new InvalidDataException($"column timestamp has type {field.ClrType.Name}; expected a timestamp or ISO-8601 text.");
        }
    }

    /// <summary>Reads a column of <typeparamref name="T"/> into nullable values, through a rented array when it is required.</summary>
    private static async ValueTask ReadAsync<T>(ParquetRowGroupReader group, DataField field, T?[] into, int rows, CancellationToken cancellationToken)
        where T : struct
    {
        if (field.IsNullable)
        {
            await group.ReadAsync(field, into.AsMemory(0, rows), null, cancellationToken).ConfigureAwait(false);
            return;
        }

        var values = ArrayPool<T>.Shared.Rent(rows);
        await group.ReadAsync(field, values.AsMemory(0, rows), null, cancellationToken).ConfigureAwait(false);
        for (var i = 0; i < rows; i++)
        {
            into[i] = values[i];
        }

        ArrayPool<T>.Shared.Return(values, clearArray: System.Runtime.CompilerServices.RuntimeHelpers.IsReferenceOrContainsReferences<T>());
    }

    private static async ValueTask ConvertAsync<T>(ParquetRowGroupReader group, DataField field, double?[] into, int rows, Func<T, double> convert, CancellationToken cancellationToken)
        where T : struct
    {
        var values = ArrayPool<T?>.Shared.Rent(rows);
        await ReadAsync(group, field, values, rows, cancellationToken).ConfigureAwait(false);
        for (var i = 0; i < rows; i++)
        {
            into[i] = values[i] is { } v ? convert(v) : null;
        }

        ArrayPool<T?>.Shared.Return(values);
    }
}
