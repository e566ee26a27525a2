using ActorSim.Egress.Writers.Parquet;

namespace ActorSim.Egress;

/// <summary>
/// A small table written as one Parquet file by the project's own writer (the one that encodes egress chunks), for
/// outputs that are tables rather than records, such as a forecast's replications: named columns of whole numbers,
/// numbers (NaN written as null) or text, all nullable. DuckDB, Arrow, Spark and Parquet.Net read the file.
/// </summary>
public sealed class ParquetTable
{
    private const string Destination = "table";
    private readonly List<ColumnBuffer> _columns = [];
    private readonly HashSet<string> _names = new(StringComparer.Ordinal);

    /// <summary>A table of <paramref name="rows"/> rows (at least one).</summary>
    public ParquetTable(int rows)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rows);
        Rows = rows;
    }

    /// <summary>The rows every column has.</summary>
    public int Rows { get; }

    /// <summary>Adds a column of whole numbers.</summary>
    public ParquetTable AddInt64(string name, IReadOnlyList<long> values)
    {
        var column = Add(new Int64Column(Destination, name), values.Count, name);
        for (var row = 0; row < values.Count; row++)
        {
            column.SetInt64(row, values[row]);
        }

        return this;
    }

    /// <summary>Adds a column of numbers; NaN is written as null.</summary>
    public ParquetTable AddDouble(string name, IReadOnlyList<double> values)
    {
        var column = Add(new DoubleColumn(Destination, name, required: false), values.Count, name);
        for (var row = 0; row < values.Count; row++)
        {
            if (!double.IsNaN(values[row]))
            {
                column.SetDouble(row, values[row]);
            }
        }

        return this;
    }

    /// <summary>Adds a column of text; null stays null.</summary>
    public ParquetTable AddString(string name, IReadOnlyList<string?> values)
    {
        var column = Add(new StringColumn(Destination, name, required: false), values.Count, name);
        for (var row = 0; row < values.Count; row++)
        {
            if (values[row] is { } text)
            {
                column.SetString(row, text);
            }
        }

        return this;
    }

    /// <summary>The table as one Parquet file.</summary>
    public byte[] ToBytes(ParquetCompression compression = ParquetCompression.Snappy)
    {
        if (_columns.Count == 0)
        {
            throw new InvalidOperationException("A Parquet table needs at least one column.");
        }

        return new ParquetFileWriter(compression).Write(_columns, Rows, Rows).ToArray();
    }

    private ColumnBuffer Add(ColumnBuffer column, int count, string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (count != Rows)
        {
            throw new ArgumentException($"Column '{name}' has {count} values; the table has {Rows} rows.", nameof(name));
        }

        if (!_names.Add(name))
        {
            throw new ArgumentException($"The table already has a column '{name}'.", nameof(name));
        }

        column.Reset(Rows);
        _columns.Add(column);
        return column;
    }
}
