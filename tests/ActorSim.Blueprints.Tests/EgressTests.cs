using ActorSim.Blueprints.Tests.Support;

namespace ActorSim.Blueprints.Tests;

public class EgressTests
{
    private static IReadOnlyList<EgressSpec> Egress(string entries) => Yaml.Load($"simulation: {{sim_id: L}}\negress:\n{entries}").Egress;

    private static BlueprintException Error(string entries) => Yaml.Error($"simulation: {{sim_id: L}}\negress:\n{entries}");

    [Fact]
    public void Egress_should_default_to_parquet_in_data()
    {
        var spec = Assert.Single(Egress("  - {}"));

        Assert.Equal(("egress-1", "parquet", "data", "events.parquet"), (spec.Name, spec.Format, spec.Dest, spec.Path));
        Assert.Empty(spec.Drop);
        Assert.False(spec.Flatten || spec.PartitionByDate);
        Assert.Equal((null, null, null, null), (spec.TelemetryPath, spec.BatchSize, spec.FlushInterval, spec.Compression));
    }

    [Fact]
    public void Egress_should_read_every_key()
    {
        var specs = Egress("""
              - name: history
                format: Parquet
                dest: s3://bucket/prefix
                path: events.parquet
                drop: [lag, events]
                flatten: true
                partition_by_date: true
                telemetry_path: telemetry.parquet
                batch_size: 5000
                flush_interval: 1 day
                compression: zstd
              - {format: jsonl, dest: out, drop: telemetry}
            """);

        var first = specs[0];
        Assert.Equal(("history", "parquet", "s3://bucket/prefix", "events.parquet", "telemetry.parquet"), (first.Name, first.Format, first.Dest, first.Path, first.TelemetryPath));
        Assert.Equal(["events", "lag"], first.Drop.Order());
        Assert.True(first.Flatten && first.PartitionByDate);
        Assert.Equal((5000, 86400.0, "zstd"), (first.BatchSize!.Value, first.FlushInterval!.Value, first.Compression));
        Assert.Equal(("egress-2", "jsonl", "events.jsonl"), (specs[1].Name, specs[1].Format, specs[1].Path));
        Assert.Equal(["telemetry"], specs[1].Drop);
    }

    [Theory]
    [InlineData("  - {format: csv}", 3, 14, "egress[0].format", "'csv' is not accepted here; use one of parquet, jsonl")]
    [InlineData("  - {drop: [telemetry, logs]}", 3, 24, "egress[0].drop[1]", "'logs' is not accepted here; use one of telemetry, events, lag")]
    [InlineData("  - {compression: lz4}", 3, 19, "egress[0].compression", "use one of snappy, zstd, gzip, none")]
    [InlineData("  - {format: jsonl, compression: gzip}", 3, 34, "egress[0].compression", "compression applies to parquet only")]
    [InlineData("  - {batch_size: 0}", 3, 18, "egress[0].batch_size", "at least 1 record per batch")]
    [InlineData("  - {batch_size: many}", 3, 18, "egress[0].batch_size", "expected a whole number, got 'many'")]
    [InlineData("  - {flush_interval: often}", 3, 22, "egress[0].flush_interval", "'often' is not a duration")]
    [InlineData("  - {flatten: yes}", 3, 15, "egress[0].flatten", "expected true or false, got 'yes'")]
    [InlineData("  - {type: kafka}", 3, 6, "egress[0].type", "unknown key 'type'", "format, dest, path, drop")]
    [InlineData("  - {drop: [telemetry], telemetry_path: t.parquet}", 3, 41, "egress[0].telemetry_path", "cannot both be dropped")]
    [InlineData("  - {dest: out}\n  - {dest: out/}", 4, 5, "egress[1].path", "'events.parquet' under 'out/' is already written by egress[0].path")]
    public void Egress_should_refuse_bad_entries_at_their_value(string entries, int line, int column, string keyPath, params string[] fragments)
    {
        Yaml.AssertAt(Error(entries), line, column, keyPath, fragments);
    }

    [Fact]
    public void Egress_that_is_a_mapping_should_fail_naming_the_list_form()
    {
        Yaml.AssertAt(Error("  format: jsonl"), 3, 3, "egress", "expected a list of sinks");
    }
}
