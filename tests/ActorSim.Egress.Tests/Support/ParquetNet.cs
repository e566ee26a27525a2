using Parquet;
using Parquet.Schema;

namespace ActorSim.Egress.Tests.Support;

/// <summary>Reads a Parquet file with Parquet.Net, an independent reader of ActorSim's own writer: every column, every row group.</summary>
public static class ParquetNet
{
    /// <summary>Column name → values of all row groups in order (null where the row is null); timestamps as UTC DateTime.</summary>
    public static async Task<Dictionary<string, List<object?>>> ReadAsync(string path)
    {
        await using var stream = File.OpenRead(path);
        await using var reader = await ParquetReader.CreateAsync(stream);
        var columns = reader.Schema.GetDataFields().ToDictionary(f => f.Name, _ => new List<object?>());
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            var rows = (int)group.RowCount;
            foreach (var field in reader.Schema.GetDataFields())
            {
                columns[field.Name].AddRange(await ReadColumnAsync(group, field, rows));
            }
        }

        return columns;
    }

    private static async Task<IEnumerable<object?>> ReadColumnAsync(ParquetRowGroupReader group, DataField field, int rows)
    {
        if (field.ClrType == typeof(string) || field.ClrType == typeof(ReadOnlyMemory<char>))
        {
            var strings = new string?[rows];
            await group.ReadAsync(field, strings.AsMemory(), null, CancellationToken.None);
            return strings;
        }

        if (field.ClrType == typeof(long))
        {
            return await ReadStructAsync<long>(group, field, rows);
        }

        if (field.ClrType == typeof(double))
        {
            return await ReadStructAsync<double>(group, field, rows);
        }

        if (field.ClrType == typeof(bool))
        {
            return await ReadStructAsync<bool>(group, field, rows);
        }

        if (field.ClrType == typeof(DateTime))
        {
            return (await ReadStructAsync<DateTime>(group, field, rows)).Select(v => v is DateTime t ? (object)DateTime.SpecifyKind(t, DateTimeKind.Utc) : null);
        }

        throw new NotSupportedException($"Column {field.Name} of type {field.ClrType}.");
    }

    private static async Task<IEnumerable<object?>> ReadStructAsync<T>(ParquetRowGroupReader group, DataField field, int rows)
        where T : struct
    {
        if (field.IsNullable)
        {
            var nullable = new T?[rows];
            await group.ReadAsync(field, nullable.AsMemory(), null, CancellationToken.None);
            return nullable.Select(v => v.HasValue ? (object?)v.Value : null);
        }

        var values = new T[rows];
        await group.ReadAsync(field, values.AsMemory(), null, CancellationToken.None);
        return values.Select(v => (object?)v);
    }
}
