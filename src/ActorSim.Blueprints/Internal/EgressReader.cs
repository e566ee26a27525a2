using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace ActorSim.Blueprints.Internal;

/// <summary>Reads <c>egress: [{format, dest, path, drop, flatten, ...}]</c> into <see cref="EgressSpec"/>s.</summary>
internal static class EgressReader
{
    private static readonly string[] Keys =
    [
        "name", "format", "dest", "path", "drop", "flatten", "partition_by_date", "telemetry_path", "batch_size", "flush_interval", "stall_timeout", "compression",
    ];

    public static IReadOnlyList<EgressSpec> Read(Reader reader, YamlNode node, string path)
    {
        var specs = new List<EgressSpec>();
        var targets = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (item, itemPath) in reader.Sequence(node, path, "sinks such as {format: parquet, dest: data}"))
        {
            var map = reader.Map(item, itemPath, Keys);
            var spec = ReadOne(reader, map, specs.Count + 1);
            foreach (var (key, target) in new[] { ("path", spec.Path), ("telemetry_path", spec.TelemetryPath) })
            {
                if (target is not null && !targets.TryAdd($"{spec.Dest.TrimEnd('/')}/{target}", map.PathOf(key)))
                {
                    throw reader.Error(map.Get(key) ?? item, map.PathOf(key),
                        $"'{target}' under '{spec.Dest}' is already written by {targets[$"{spec.Dest.TrimEnd('/')}/{target}"]}; give each sink its own dest or path.");
                }
            }

            specs.Add(spec);
        }

        return specs;
    }

    private static EgressSpec ReadOne(Reader reader, MapNode map, int number)
    {
        var format = OneOf(reader, map, "format", EgressSpec.Formats) ?? "parquet";
        var dest = map.Text("dest") ?? "data";
        var drop = Drop(reader, map);
        var telemetryPath = map.Text("telemetry_path");
        if (telemetryPath is not null && drop.Contains("telemetry"))
        {
            throw reader.Error(map.Require("telemetry_path"), map.PathOf("telemetry_path"),
                "telemetry cannot both be dropped and written to telemetry_path; remove 'telemetry' from drop or remove telemetry_path.");
        }

        var compression = OneOf(reader, map, "compression", EgressSpec.Compressions);
        if (compression is not null && format != "parquet")
        {
            throw reader.Error(map.Require("compression"), map.PathOf("compression"), $"compression applies to parquet only; this sink writes {format}.");
        }

        var batchSize = map.WholeNumber("batch_size");
        if (batchSize < 1)
        {
            throw reader.Error(map.Require("batch_size"), map.PathOf("batch_size"), $"expected at least 1 record per batch, got {batchSize}.");
        }

        var stallTimeout = map.Duration("stall_timeout");
        if (stallTimeout is { } stall && (stall == 0 || stall > int.MaxValue / 1000.0))
        {
            throw reader.Error(map.Require("stall_timeout"), map.PathOf("stall_timeout"),
                string.Create(CultureInfo.InvariantCulture, $"expected a wall-clock duration above zero and at most {int.MaxValue / 1000.0:0.###} s (about 24.8 days), such as '30 s'; got {stall} s."));
        }

        return new EgressSpec
        {
            Name = map.Text("name") ?? $"egress-{number}",
            Format = format,
            Dest = dest.Length > 0 ? dest : throw reader.Error(map.Require("dest"), map.PathOf("dest"), "expected a local directory or s3://bucket/prefix, got an empty text."),
            Path = map.Text("path") ?? $"events.{format}",
            Drop = drop,
            Flatten = map.Flag("flatten") ?? false,
            PartitionByDate = map.Flag("partition_by_date") ?? false,
            TelemetryPath = telemetryPath,
            BatchSize = batchSize,
            FlushInterval = map.Duration("flush_interval"),
            StallTimeout = stallTimeout,
            Compression = compression,
        };
    }

    private static HashSet<string> Drop(Reader reader, MapNode map)
    {
        var drop = new HashSet<string>(StringComparer.Ordinal);
        if (map.Get("drop") is not { } node)
        {
            return drop;
        }

        IReadOnlyList<(YamlNode Node, string Path)> items = node is YamlScalarNode
            ? [(node, map.PathOf("drop"))]
            : reader.Sequence(node, map.PathOf("drop"), $"record families ({string.Join(", ", EgressSpec.DropKinds)})");
        foreach (var (item, path) in items)
        {
            drop.Add(Choose(reader, item, path, EgressSpec.DropKinds));
        }

        return drop;
    }

    private static string? OneOf(Reader reader, MapNode map, string key, IReadOnlyList<string> allowed) =>
        map.Get(key) is { } node ? Choose(reader, node, map.PathOf(key), allowed) : null;

    private static string Choose(Reader reader, YamlNode node, string path, IReadOnlyList<string> allowed)
    {
        var text = reader.Text(node, path);
        var choice = text.Trim().ToLowerInvariant();
        return allowed.Contains(choice)
            ? choice
            : throw reader.Error(node, path, $"'{text}' is not accepted here; use one of {string.Join(", ", allowed)}.");
    }
}
