using ActorSim.Blueprints;
using ActorSim.Cli.CommandLine;
using ActorSim.Egress;
using ActorSim.Egress.Routing;

namespace ActorSim.Cli.History;

/// <summary>
/// Plans a run from a YAML blueprint (<c>--model FILE.yaml</c>). Flags given on the command line override the
/// blueprint: <c>--duration</c>, <c>--start</c>, <c>--seed</c>, <c>--format</c> and <c>--dest</c> (for every egress),
/// <c>--batch-size</c>, <c>--flush-interval</c>, <c>--partition-by-date</c>, <c>--keep-telemetry</c>.
/// A blueprint without <c>egress</c> gets the reference job's sink.
/// </summary>
internal static class BlueprintPlanner
{
    public static HistoryPlan Plan(HistoryOptions options)
    {
        Blueprint blueprint;
        try
        {
            blueprint = BlueprintLoader.Load(options.ModelPath!);
        }
        catch (FileNotFoundException)
        {
            throw new UsageException($"--model: the blueprint '{options.ModelPath}' does not exist.");
        }
        catch (BlueprintException e)
        {
            throw new UsageException(e.Message);
        }

        var settings = blueprint.Simulation;
        var sinks = new List<SinkOptions>();
        var destinations = new List<string>();
        if (blueprint.Egress.Count == 0)
        {
            var format = options.Format ?? ChunkFormat.Parquet;
            var destination = options.Destination ?? "data";
            sinks.Add(HistoryPlanner.ReferenceSink(options, format, destination));
            destinations.Add(destination);
        }

        foreach (var spec in blueprint.Egress)
        {
            var destination = options.Destination ?? spec.Dest;
            sinks.Add(Sink(spec, options, destination));
            destinations.Add(destination);
        }

        return new HistoryPlan(
            blueprint.Model,
            options.Start ?? settings.Start ?? HistoryOptionsParser.DefaultStart(),
            options.DurationSeconds ?? settings.DurationSeconds ?? HistoryOptions.DefaultDurationSeconds,
            options.Seed ?? settings.Seed,
            sinks,
            destinations.Distinct(StringComparer.Ordinal).ToArray(),
            settings.Factor);
    }

    internal static SinkOptions Sink(EgressSpec spec, HistoryOptions options, string destination)
    {
        var format = options.Format ?? HistoryOptionsParser.ParseFormat(spec.Format);
        var drop = new HashSet<string>(spec.Drop, StringComparer.Ordinal);
        var telemetryPath = spec.TelemetryPath;
        if (options.KeepTelemetry && telemetryPath is null)
        {
            telemetryPath = "telemetry." + Extension(format);
            drop.Remove("telemetry");
        }

        var events = WithExtension(spec.Path, format);
        var router = telemetryPath is null
            ? Routers.All(events)
            : Routers.ByStreamType(events, WithExtension(telemetryPath, format));
        if (drop.Contains("telemetry"))
        {
            router = router.DropTelemetry();
        }

        if (drop.Contains("events"))
        {
            router = router.Where(static (in r) => r.Kind != ActorSim.Model.Records.RecordKind.Event);
        }

        if (drop.Contains("lag"))
        {
            router = router.DropLagMetric();
        }

        if (spec.Flatten)
        {
            router = router.Flatten();
        }

        if (spec.PartitionByDate || options.PartitionByDate)
        {
            router = router.PartitionByDate();
        }

        return new SinkOptions
        {
            Name = spec.Name,
            Store = HistoryPlanner.CreateStore(destination, options),
            Router = router,
            Format = format,
            BatchSize = options.BatchSize ?? spec.BatchSize ?? HistoryOptions.DefaultBatchSize,
            FlushInterval = options.FlushInterval ?? spec.FlushInterval ?? HistoryOptions.DefaultFlushInterval,
            Compression = spec.Compression switch
            {
                null or "snappy" => ParquetCompression.Snappy,
                "zstd" => ParquetCompression.Zstd,
                "gzip" => ParquetCompression.Gzip,
                _ => ParquetCompression.None,
            },
        };
    }

    private static string Extension(ChunkFormat format) => format == ChunkFormat.Parquet ? "parquet" : "jsonl";

    /// <summary>Keeps a destination's extension in step with a format given on the command line.</summary>
    private static string WithExtension(string path, ChunkFormat format)
    {
        var extension = Path.GetExtension(path);
        return extension is ".parquet" or ".jsonl" ? path[..^extension.Length] + "." + Extension(format) : path;
    }
}
