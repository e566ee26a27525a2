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
        var start = options.Start ?? settings.Start ?? HistoryOptionsParser.DefaultStart();
        var duration = options.DurationSeconds ?? settings.DurationSeconds ?? HistoryOptions.DefaultDurationSeconds;
        HistoryOptionsParser.CheckTimeRange(options, settings, start, duration);
        var sinks = new List<SinkOptions>();
        var destinations = new List<string>();
        if (blueprint.Egress.Count == 0)
        {
            var format = options.Format ?? ChunkFormat.Parquet;
            var destination = options.Destination ?? "data";
            sinks.Add(HistoryPlanner.ReferenceSink(options, format, destination));
            destinations.Add(destination);
        }

        EnsureDistinctTargets(blueprint.Egress, options, spec => options.Destination ?? spec.Dest);
        foreach (var spec in blueprint.Egress)
        {
            var destination = options.Destination ?? spec.Dest;
            sinks.Add(Sink(spec, options, destination));
            destinations.Add(destination);
        }

        return new HistoryPlan(
            blueprint.Model,
            start,
            duration,
            options.Seed ?? settings.Seed,
            sinks,
            destinations,
            settings.Factor,
            File.ReadAllBytes(options.ModelPath!));
    }

    internal static SinkOptions Sink(EgressSpec spec, HistoryOptions options, string destination)
    {
        if (options.BatchSize is null && spec.BatchSize > SinkOptions.MaxBatchSize)
        {
            throw new UsageException(
                $"{options.ModelPath}: egress '{spec.Name}': batch_size must be at most {SinkOptions.MaxBatchSize} records (got {spec.BatchSize}): a batch is held in memory whole.");
        }

        var (format, events, telemetryPath, drop) = Targets(spec, options);
        var router = telemetryPath is null
            ? Routers.All(events)
            : Routers.ByStreamType(events, telemetryPath);
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
            StallTimeout = options.StallTimeout ?? (spec.StallTimeout is { } stall ? TimeSpan.FromSeconds(stall) : HistoryOptions.DefaultStallTimeout),
            Compression = spec.Compression switch
            {
                null or "snappy" => ParquetCompression.Snappy,
                "zstd" => ParquetCompression.Zstd,
                "gzip" => ParquetCompression.Gzip,
                _ => ParquetCompression.None,
            },
        };
    }

    /// <summary>
    /// Refuses sinks that would write the same files once the command line's overrides apply (<c>--dest</c> puts every
    /// sink under one folder): two writers of one destination would overwrite each other's chunks.
    /// </summary>
    internal static void EnsureDistinctTargets(IEnumerable<EgressSpec> specs, HistoryOptions options, Func<EgressSpec, string> destinationOf)
    {
        var owners = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var spec in specs)
        {
            var (_, events, telemetry, _) = Targets(spec, options);
            foreach (var target in telemetry is null ? [events] : new[] { events, telemetry })
            {
                var file = $"{destinationOf(spec).TrimEnd('/')}/{target}";
                if (!owners.TryAdd(file, spec.Name))
                {
                    throw new UsageException(
                        $"{options.ModelPath}: sinks '{owners[file]}' and '{spec.Name}' would both write '{file}'; give each its own dest or path " +
                        "(--dest puts every sink under one folder).");
                }
            }
        }
    }

    /// <summary>
    /// Where a sink's events and telemetry go, after the command line's overrides. With Parquet, kept telemetry gets a
    /// dataset of its own (<c>telemetry.parquet</c>) unless the blueprint names one: a Parquet destination has one
    /// schema, and telemetry's numeric value cannot share it with an event's value object.
    /// </summary>
    private static (ChunkFormat Format, string Events, string? Telemetry, HashSet<string> Drop) Targets(EgressSpec spec, HistoryOptions options)
    {
        var format = options.Format ?? HistoryOptionsParser.ParseFormat(spec.Format);
        var drop = new HashSet<string>(spec.Drop, StringComparer.Ordinal);
        var telemetryPath = spec.TelemetryPath;
        if (options.KeepTelemetry && telemetryPath is null)
        {
            telemetryPath = "telemetry." + Extension(format);
            drop.Remove("telemetry");
        }

        if (format == ChunkFormat.Parquet && telemetryPath is null && !drop.Contains("telemetry") && !drop.Contains("events"))
        {
            telemetryPath = "telemetry.parquet";
        }

        return (format, WithExtension(spec.Path, format), telemetryPath is null ? null : WithExtension(telemetryPath, format), drop);
    }

    private static string Extension(ChunkFormat format) => format == ChunkFormat.Parquet ? "parquet" : "jsonl";

    /// <summary>Keeps a destination's extension in step with a format given on the command line.</summary>
    private static string WithExtension(string path, ChunkFormat format)
    {
        var extension = Path.GetExtension(path);
        return extension is ".parquet" or ".jsonl" ? path[..^extension.Length] + "." + Extension(format) : path;
    }
}
