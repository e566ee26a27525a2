using ActorSim.Egress;

namespace ActorSim.Forecasts;

/// <summary>
/// A forecast's <c>replications.parquet</c>: one row per replication and scenario (<c>scenario</c>: <c>baseline</c> or
/// a what-if scenario's name; <c>replication</c>: its index), every KPI a column (null where a replication leaves it
/// undefined).
/// </summary>
public static class ForecastReplicationsParquet
{
    /// <summary>The file's bytes for <paramref name="baseline"/> and every what-if scenario of <paramref name="scenarios"/>.</summary>
    public static byte[] Write(ForecastResult baseline, IReadOnlyList<ScenarioComparison>? scenarios = null)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        var results = new[] { ("baseline", baseline) }.Concat((scenarios ?? []).Select(s => (s.Name, s.Result))).ToArray();
        var rows = results.Sum(r => r.Item2.Rows.Count);
        var table = new ParquetTable(rows)
            .AddString("scenario", results.SelectMany(r => Enumerable.Repeat<string?>(r.Item1, r.Item2.Rows.Count)).ToArray())
            .AddInt64("replication", results.SelectMany(r => Enumerable.Range(0, r.Item2.Rows.Count).Select(i => (long)i)).ToArray());
        for (var k = 0; k < baseline.Kpis.Count; k++)
        {
            var column = k;
            table.AddDouble(baseline.Kpis[k], results.SelectMany(r => r.Item2.Rows.Select(row => row[column])).ToArray());
        }

        return table.ToBytes();
    }
}
