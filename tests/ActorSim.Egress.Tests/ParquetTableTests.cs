using ActorSim.Egress.Tests.Support;

namespace ActorSim.Egress.Tests;

/// <summary>A table written by the project's Parquet writer reads back in Parquet.Net and DuckDB, NaN as null.</summary>
public sealed class ParquetTableTests
{
    [Fact]
    public async Task A_table_of_text_whole_numbers_and_numbers_reads_back_with_nan_as_null()
    {
        using var temp = new TempDirectory();
        var path = Path.Combine(temp.Path, "t.parquet");
        var bytes = new ParquetTable(3)
            .AddString("scenario", ["baseline", null, "what-if"])
            .AddInt64("replication", [0, 1, 2])
            .AddDouble("wait_mean", [1.5, double.NaN, -2.25])
            .ToBytes();
        await File.WriteAllBytesAsync(path, bytes);

        var read = await ParquetNet.ReadAsync(path);
        var duck = DuckDb.Query($"SELECT count(*), count(wait_mean), sum(replication)::BIGINT FROM read_parquet('{path}')");

        Assert.Equal(["baseline", null, "what-if"], read["scenario"].Cast<string?>());
        Assert.Equal([0L, 1L, 2L], read["replication"].Select(v => Convert.ToInt64(v)));
        Assert.Equal([1.5, null, -2.25], read["wait_mean"].Cast<double?>());
        Assert.Equal((3L, 2L, 3L), (Convert.ToInt64(duck[0][0]), Convert.ToInt64(duck[0][1]), Convert.ToInt64(duck[0][2])));
    }

    [Fact]
    public void Columns_of_the_wrong_length_or_a_repeated_name_are_refused_naming_them()
    {
        var table = new ParquetTable(2).AddInt64("n", [1, 2]);

        Assert.Contains("'x' has 3 values; the table has 2 rows", Assert.Throws<ArgumentException>(() => table.AddDouble("x", [1, 2, 3])).Message);
        Assert.Contains("already has a column 'n'", Assert.Throws<ArgumentException>(() => table.AddInt64("n", [3, 4])).Message);
    }
}
