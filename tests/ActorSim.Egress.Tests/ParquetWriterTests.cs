using ActorSim.Egress.Routing;
using ActorSim.Egress.Storage;
using ActorSim.Egress.Tests.Support;
using ActorSim.Model.Records;

namespace ActorSim.Egress.Tests;

/// <summary>
/// ActorSim writes Parquet with its own column writers: these tests read the files back with two independent readers
/// (DuckDB and Parquet.Net) across value types, null patterns, dictionary fallback, page splits and statistics.
/// </summary>
public class ParquetWriterTests
{
    private static SinkOptions Parquet(string dir, int batchSize = 100_000) =>
        Pipelines.Sink(new LocalObjectStore(dir), Routers.All("e.parquet").Flatten(), ChunkFormat.Parquet, batchSize, flushInterval: 0);

    [Fact]
    public async Task Every_value_type_should_read_back_the_same_in_DuckDB_and_Parquet_Net()
    {
        using var temp = new TempDirectory();
        var random = new Random(7);
        var expected = new List<(string? S, long? N, double? X, bool? B, long? T)>();
        var records = new List<SimRecord>();
        for (var i = 0; i < 300; i++)
        {
            var row = (
                S: random.Next(4) == 0 ? null : $"text {random.Next(50)} é",
                N: random.Next(4) == 0 ? null : (long?)random.NextInt64(-1_000_000_000_000, 1_000_000_000_000),
                X: random.Next(4) == 0 ? null : (double?)((random.NextDouble() - 0.5) * 1e6),
                B: random.Next(4) == 0 ? null : (bool?)(random.Next(2) == 0),
                T: random.Next(4) == 0 ? null : (long?)random.NextInt64(0, 4_000_000_000_000));
            expected.Add(row);
            var value = new Dictionary<string, object?> { ["s"] = row.S, ["n"] = row.N, ["x"] = row.X, ["b"] = row.B };
            if (row.T is { } ms)
            {
                value["t"] = DateTime.UnixEpoch.AddMilliseconds(ms);
            }

            records.Add(SimRecord.Event(i, new RecordKey("task-", i), value));
        }

        await Pipelines.RunAsync(records, Parquet(temp.Path));

        var file = Path.Combine(temp.Path, "e_000001.parquet");
        var duck = DuckDb.Query($"SELECT s, n, x, b, epoch_ms(t) FROM read_parquet('{file}')");
        Assert.Equal(expected.Select(e => new object?[] { e.S, e.N, e.X, e.B, e.T }), duck);
        var net = await ParquetNet.ReadAsync(file);
        Assert.Equal(expected.Select(e => (object?)e.S), net["s"]);
        Assert.Equal(expected.Select(e => (object?)e.N), net["n"]);
        Assert.Equal(expected.Select(e => (object?)e.X), net["x"]);
        Assert.Equal(expected.Select(e => (object?)e.B), net["b"]);
        Assert.Equal(expected.Select(e => e.T is { } ms ? (object?)DateTime.UnixEpoch.AddMilliseconds(ms) : null), net["t"]);
        Assert.Equal(Enumerable.Range(0, 300).Select(i => (object?)$"task-{i}"), net["key"]);
    }

    [Fact]
    public async Task Null_runs_and_repeated_values_should_round_trip_through_levels_and_dictionary_indices()
    {
        using var temp = new TempDirectory();
        var random = new Random(11);
        var expected = new List<string?>();
        for (var run = 1; expected.Count < 4000; run = (run % 23) + 1)
        {
            // Alternating null and value runs of every length 1..23, values repeated in runs or drawn from 300 (9-bit indices).
            var nulls = random.Next(3) == 0;
            var repeated = $"v{random.Next(300)}";
            for (var i = 0; i < run; i++)
            {
                expected.Add(nulls ? null : run % 2 == 0 ? repeated : $"v{random.Next(300)}");
            }
        }

        var records = expected.Select((v, i) => SimRecord.Event(i, RecordKey.Of("k"), new Dictionary<string, object?> { ["c"] = v }));
        await Pipelines.RunAsync(records, Parquet(temp.Path));

        var file = Path.Combine(temp.Path, "e_000001.parquet");
        Assert.Equal(expected, DuckDb.Query($"SELECT c FROM read_parquet('{file}')").Select(r => (string?)r[0]));
        Assert.Equal(expected, (await ParquetNet.ReadAsync(file))["c"].Cast<string?>());
    }

    [Fact]
    public async Task Dictionary_over_a_megabyte_should_fall_back_to_plain_pages()
    {
        using var temp = new TempDirectory();
        var values = Enumerable.Range(0, 1500).Select(i => $"{i:D6}" + new string('x', 1000)).ToList();
        var records = values.Select((v, i) => SimRecord.Event(i, RecordKey.Of("k"), new Dictionary<string, object?> { ["big"] = v, ["small"] = i % 2 == 0 ? "even" : "odd" }));

        await Pipelines.RunAsync(records, Parquet(temp.Path));

        var file = Path.Combine(temp.Path, "e_000001.parquet");
        var encodings = DuckDb.Query($"SELECT path_in_schema, encodings FROM parquet_metadata('{file}')").ToDictionary(r => (string)r[0]!, r => (string)r[1]!);
        Assert.DoesNotContain("DICTIONARY", encodings["big"], StringComparison.Ordinal);
        Assert.Contains("RLE_DICTIONARY", encodings["small"], StringComparison.Ordinal);
        Assert.Equal(values, DuckDb.Query($"SELECT big FROM read_parquet('{file}')").Select(r => (string?)r[0]));
        Assert.Equal(values, (await ParquetNet.ReadAsync(file))["big"].Cast<string?>());
    }

    [Fact]
    public async Task Batch_beyond_one_page_should_read_back_whole()
    {
        using var temp = new TempDirectory();
        await Pipelines.RunAsync(Records.Lifecycles(17_000), Parquet(temp.Path));

        var file = Path.Combine(temp.Path, "e_000001.parquet");
        var summary = DuckDb.Query($"SELECT count(*), count(DISTINCT key), min(sim_ts), max(sim_ts), count(*) FILTER (status = 'started') FROM read_parquet('{file}')").Single();
        Assert.Equal(new object?[] { 51_000L, 17_000L, 1.202, 1.202 + (16_999 * 0.5) + 0.2, 17_000L }, summary);
        var net = await ParquetNet.ReadAsync(file);
        Assert.Equal(51_000, net["sim_ts"].Count);
        Assert.Equal("task-16999", net["key"][^1]);
    }

    [Fact]
    public async Task Column_statistics_should_bound_the_values_and_count_nulls()
    {
        using var temp = new TempDirectory();
        SimRecord[] records =
        [
            SimRecord.Event(2.5, RecordKey.Of("b"), new Dictionary<string, object?> { ["n"] = 5L, ["x"] = 0.0 }),
            SimRecord.Event(1.25, RecordKey.Of("c"), new Dictionary<string, object?> { ["n"] = null, ["x"] = -2.0 }),
            SimRecord.Event(4, RecordKey.Of("a"), new Dictionary<string, object?> { ["n"] = -7L, ["x"] = double.NaN }),
        ];

        await Pipelines.RunAsync(records, Parquet(temp.Path));

        var stats = DuckDb.Query($"SELECT path_in_schema, stats_min_value, stats_max_value, stats_null_count FROM parquet_metadata('{temp.Path}/e_000001.parquet')")
            .ToDictionary(r => (string)r[0]!, r => (r[1], r[2], r[3]));
        Assert.Equal(("1.25", "4.0", 0L), ((string?, string?, long?))(stats["sim_ts"].Item1?.ToString(), stats["sim_ts"].Item2?.ToString(), (long?)stats["sim_ts"].Item3));
        Assert.Equal(("a", "c", 0L), ((string?, string?, long?))(stats["key"].Item1?.ToString(), stats["key"].Item2?.ToString(), (long?)stats["key"].Item3));
        Assert.Equal(("-7", "5", 1L), ((string?, string?, long?))(stats["n"].Item1?.ToString(), stats["n"].Item2?.ToString(), (long?)stats["n"].Item3));
        Assert.Equal(("-2.0", "0.0", 0L), ((string?, string?, long?))(stats["x"].Item1?.ToString(), stats["x"].Item2?.ToString(), (long?)stats["x"].Item3));
        var pruned = DuckDb.Query($"SELECT count(*) FROM read_parquet('{temp.Path}/e_000001.parquet') WHERE sim_ts > 3").Single();
        Assert.Equal(1L, pruned[0]);
    }

    [Fact]
    public async Task Column_absent_from_a_whole_later_chunk_should_read_back_as_nulls()
    {
        using var temp = new TempDirectory();
        SimRecord[] records =
        [
            SimRecord.Event(1, RecordKey.Of("a"), new Dictionary<string, object?> { ["s"] = "x", ["n"] = 1L, ["b"] = true }),
            SimRecord.Event(2, RecordKey.Of("b"), new Dictionary<string, object?> { ["s"] = null, ["n"] = null, ["b"] = null }),
        ];

        await Pipelines.RunAsync(records, Parquet(temp.Path, batchSize: 1));

        var rows = DuckDb.Query($"SELECT s, n, b FROM read_parquet('{temp.Path}/*.parquet') ORDER BY sim_ts");
        Assert.Equal([new object?[] { "x", 1L, true }, new object?[] { null, null, null }], rows);
        var second = await ParquetNet.ReadAsync(Path.Combine(temp.Path, "e_000002.parquet"));
        Assert.Equal([null], second["s"]);
        Assert.Equal([null], second["n"]);
    }

    [Fact]
    public async Task Timestamps_before_1970_should_round_down_to_the_millisecond()
    {
        using var temp = new TempDirectory();
        var start = new DateTime(1960, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var custom = new DateTime(1969, 12, 31, 23, 59, 59, DateTimeKind.Utc).AddTicks(9_999);
        SimRecord[] records = [SimRecord.Event(0.5, RecordKey.Of("a"), new Dictionary<string, object?> { ["t"] = custom })];

        await using (var pipeline = new EgressPipeline(start, [Parquet(temp.Path)]))
        {
            pipeline.PublishAll(records);
            await pipeline.CompleteAsync();
        }

        var row = DuckDb.Query($"SELECT epoch_ms(timestamp), epoch_ms(t) FROM read_parquet('{temp.Path}/e_000001.parquet')").Single();
        var startMs = (long)(start - DateTime.UnixEpoch).TotalMilliseconds;
        Assert.Equal(new object?[] { startMs + 500, -1000L }, row);
    }
}
