using System.Globalization;
using ActorSim.Blueprints;
using ActorSim.Egress;
using ActorSim.Egress.Storage;
using ActorSim.Snapshots.Schedules;

namespace ActorSim.Runs;

/// <summary>
/// Resolves a <see cref="RunRequest"/> into a <see cref="RunSpec"/>: the request's values over the blueprint's, over the
/// reference job's defaults. A blueprint without <c>egress</c> gets the reference job's sink (events flattened into
/// <c>events.*</c>, telemetry and the lag metric dropped, or telemetry kept in <c>telemetry.*</c>). A plant's sinks all
/// write into one destination (the request's, else its first egress's), each line into its own folder or, merged, into
/// that destination itself. Every refusal is a <see cref="RunSpecException"/> naming the value and its source.
/// </summary>
public static class RunSpecResolver
{
    /// <summary>The last instant a record's timestamp can hold, to the millisecond as records are written.</summary>
    public static readonly DateTime LastTimestamp = new(9999, 12, 31, 23, 59, 59, 999);

    /// <summary>Resolves <paramref name="request"/>; <paramref name="defaultStart"/> is the start when neither the request nor the blueprint gives one.</summary>
    public static RunSpec Resolve(RunRequest request, DateTime defaultStart)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Model.Validate();
        var (isPlant, simulation, egress) = Read(request);
        if (!isPlant && request.MergeLines)
        {
            throw new RunSpecException("--merge-lines is for plants (a blueprint with lines:); a single line already writes into the destination itself.");
        }

        var factor = simulation?.Factor ?? 0;
        if (isPlant && factor > 0 && request.Engine != RunEngine.Actors)
        {
            throw new RunSpecException(string.Create(
                CultureInfo.InvariantCulture,
                $"{request.Model.SourceName}: simulation.factor {factor} paces the plant against the wall clock, which only the actor engine does; add --engine actors."));
        }

        var start = StartOf(request, simulation, defaultStart);
        var duration = request.DurationSeconds ?? simulation?.DurationSeconds ?? RunRequest.DefaultDurationSeconds;
        CheckTimeRange(request, simulation, start, (request.Snapshot?.AsOf ?? 0) + duration);
        // A plant writes every sink into one destination; a single line's sinks keep their own.
        var plantDestination = request.Destination ?? egress.FirstOrDefault()?.Dest ?? RunRequest.DefaultDestination;
        string DestinationOf(EgressSpec spec) => isPlant ? plantDestination : request.Destination ?? spec.Dest;
        var sinks = egress.Count == 0
            ? [ReferenceSink(request, isPlant ? plantDestination : request.Destination ?? RunRequest.DefaultDestination)]
            : Sinks(egress, request, DestinationOf);
        foreach (var sink in sinks)
        {
            CheckDestination(sink.Destination);
        }

        var spec = new RunSpec
        {
            Model = request.Model,
            Start = start,
            DurationSeconds = duration,
            Seed = request.Seed ?? simulation?.Seed ?? SimulationSettings.DefaultSeed,
            Replication = request.Replication,
            Engine = request.Engine,
            Parallelism = request.Parallelism,
            Factor = factor,
            Sinks = sinks,
            Layout = !isPlant ? LineLayout.Single : request.MergeLines ? LineLayout.Merged : LineLayout.Folders,
            WriteMode = request.WriteMode,
            Snapshot = request.Snapshot,
            SnapshotAt = request.SnapshotAt?.SecondsFrom(start),
            SnapshotEvery = request.SnapshotEvery,
            GoLiveAt = request.GoLiveAt?.SecondsFrom(start) ?? (simulation?.GoLiveAt is { } live ? (SameKind(live, start) - start).TotalSeconds : null),
            SnapshotOut = request.SnapshotOut,
        };
        spec.Validate();
        return spec;
    }

    /// <summary>A UTC instant (a blueprint's <c>now</c>) as the local wall time when the start has no zone (the CLI's default start is local).</summary>
    private static DateTime SameKind(DateTime instant, DateTime start) =>
        instant.Kind == DateTimeKind.Utc && start.Kind != DateTimeKind.Utc ? DateTime.SpecifyKind(instant.ToLocalTime(), start.Kind) : instant;

    /// <summary>
    /// The logical start: a snapshot's own (a <c>--start</c> that differs is refused), else the request's, the
    /// blueprint's or the default.
    /// </summary>
    private static DateTime StartOf(RunRequest request, SimulationSettings? simulation, DateTime defaultStart)
    {
        if (request.Snapshot is not { } snapshot)
        {
            return request.Start ?? simulation?.Start ?? defaultStart;
        }

        if (request.Start is { } given && given != snapshot.Start)
        {
            throw new RunSpecException(string.Create(CultureInfo.InvariantCulture,
                $"--start {given:yyyy-MM-ddTHH:mm:ss.fff} differs from the start of the snapshot's run ({snapshot.Start:yyyy-MM-ddTHH:mm:ss.fff}): a run from a snapshot keeps that logical start; leave --start out."));
        }

        return snapshot.Start;
    }

    /// <summary>The reference job's sink into <paramref name="destination"/>, with the request's format, chunking and telemetry choice.</summary>
    public static SinkSpec ReferenceSink(RunRequest request, string destination)
    {
        ArgumentNullException.ThrowIfNull(request);
        var format = request.Format ?? ChunkFormat.Parquet;
        var extension = Extension(format);
        return new SinkSpec
        {
            Name = "history",
            Format = format,
            Destination = destination,
            Events = $"events.{extension}",
            Telemetry = request.KeepTelemetry ? $"telemetry.{extension}" : null,
            DropTelemetry = !request.KeepTelemetry,
            DropLag = true,
            Flatten = true,
            PartitionByDate = request.PartitionByDate,
            BatchSize = request.BatchSize ?? RunRequest.DefaultBatchSize,
            FlushInterval = request.FlushInterval ?? RunRequest.DefaultFlushInterval,
            StallTimeoutSeconds = request.StallTimeout?.TotalSeconds ?? RunRequest.DefaultStallTimeoutSeconds,
        };
    }

    private static (bool IsPlant, SimulationSettings? Simulation, IReadOnlyList<EgressSpec> Egress) Read(RunRequest request)
    {
        var model = request.Model;
        if (model.Catalog is { } name)
        {
            return (ModelCatalog.Find(name).IsPlant, null, []);
        }

        try
        {
            if (model.IsPlantBlueprint)
            {
                var plant = BlueprintLoader.LoadPlantFromText(model.Blueprint!, model.SourceName!, ScheduleSources.Options);
                return (true, plant.Simulation, plant.Egress);
            }

            var line = BlueprintLoader.LoadFromText(model.Blueprint!, model.SourceName!, ScheduleSources.Options);
            return (false, line.Simulation, line.Egress);
        }
        catch (BlueprintException e)
        {
            throw new RunSpecException(e.Message, e);
        }
    }

    private static SinkSpec[] Sinks(IReadOnlyList<EgressSpec> egress, RunRequest request, Func<EgressSpec, string> destinationOf)
    {
        EnsureDistinctTargets(egress, request, destinationOf);
        return egress.Select(spec => Sink(spec, request, destinationOf(spec))).ToArray();
    }

    private static SinkSpec Sink(EgressSpec spec, RunRequest request, string destination)
    {
        if (request.BatchSize is null && spec.BatchSize > SinkOptions.MaxBatchSize)
        {
            throw new RunSpecException(
                $"{request.Model.SourceName}: egress '{spec.Name}': batch_size must be at most {SinkOptions.MaxBatchSize} records (got {spec.BatchSize}): a batch is held in memory whole.");
        }

        var (format, events, telemetry, drop) = Targets(spec, request);
        return new SinkSpec
        {
            Name = spec.Name,
            Format = format,
            Destination = destination,
            Events = events,
            Telemetry = telemetry,
            DropTelemetry = drop.Contains("telemetry"),
            DropEvents = drop.Contains("events"),
            DropLag = drop.Contains("lag"),
            Flatten = spec.Flatten,
            PartitionByDate = spec.PartitionByDate || request.PartitionByDate,
            BatchSize = request.BatchSize ?? spec.BatchSize ?? RunRequest.DefaultBatchSize,
            FlushInterval = request.FlushInterval ?? spec.FlushInterval ?? RunRequest.DefaultFlushInterval,
            StallTimeoutSeconds = request.StallTimeout?.TotalSeconds ?? spec.StallTimeout ?? RunRequest.DefaultStallTimeoutSeconds,
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
    /// Refuses sinks that would write the same files once the request's values apply (<c>--dest</c> puts every sink
    /// under one folder): two writers of one destination would overwrite each other's chunks.
    /// </summary>
    private static void EnsureDistinctTargets(IEnumerable<EgressSpec> specs, RunRequest request, Func<EgressSpec, string> destinationOf)
    {
        var owners = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var spec in specs)
        {
            var (_, events, telemetry, _) = Targets(spec, request);
            foreach (var target in telemetry is null ? [events] : new[] { events, telemetry })
            {
                var file = $"{destinationOf(spec).TrimEnd('/')}/{target}";
                if (!owners.TryAdd(file, spec.Name))
                {
                    throw new RunSpecException(
                        $"{request.Model.SourceName}: sinks '{owners[file]}' and '{spec.Name}' would both write '{file}'; give each its own dest or path " +
                        "(--dest puts every sink under one folder).");
                }
            }
        }
    }

    /// <summary>
    /// Where a sink's events and telemetry go, after the request's values. With Parquet, kept telemetry gets a dataset of
    /// its own (<c>telemetry.parquet</c>) unless the blueprint names one: a Parquet destination has one schema, and
    /// telemetry's numeric value cannot share it with an event's value object.
    /// </summary>
    private static (ChunkFormat Format, string Events, string? Telemetry, HashSet<string> Drop) Targets(EgressSpec spec, RunRequest request)
    {
        var format = request.Format ?? (spec.Format == "jsonl" ? ChunkFormat.Jsonl : ChunkFormat.Parquet);
        var drop = new HashSet<string>(spec.Drop, StringComparer.Ordinal);
        var telemetryPath = spec.TelemetryPath;
        if (request.KeepTelemetry && telemetryPath is null)
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

    /// <summary>
    /// Refuses a run whose records would be stamped after <see cref="LastTimestamp"/>: start + duration must not pass it.
    /// The message names where start and duration came from (request, blueprint or default).
    /// </summary>
    private static void CheckTimeRange(RunRequest request, SimulationSettings? simulation, DateTime start, double durationSeconds)
    {
        if (durationSeconds <= (LastTimestamp - start).TotalSeconds)
        {
            return;
        }

        var source = request.Model.SourceName;
        var startSource = request.Start is not null ? "--start" : simulation?.Start is not null ? $"simulation.start in {source}" : "the default start";
        var durationSource = request.DurationSeconds is not null ? "--duration" : simulation?.DurationSeconds is not null ? $"simulation.duration in {source}" : "the default duration";
        throw new RunSpecException(string.Create(
            CultureInfo.InvariantCulture,
            $"The run from {start:yyyy-MM-ddTHH:mm:ss.fff} ({startSource}) for {SimulatedTime(durationSeconds)} ({durationSource}) would end after " +
            $"{LastTimestamp:yyyy-MM-ddTHH:mm:ss.fff}, the last instant a record's timestamp can hold; choose an earlier start or a shorter duration."));
    }

    /// <summary>A malformed destination (a bad bucket name, <c>..</c> in a prefix) is refused before a store is made.</summary>
    private static void CheckDestination(string destination)
    {
        try
        {
            ObjectStoreLocation.Parse(destination);
        }
        catch (ArgumentException e)
        {
            throw new RunSpecException(e.ParamName is { } name ? e.Message.Replace($" (Parameter '{name}')", string.Empty, StringComparison.Ordinal) : e.Message, e);
        }
    }

    private static string SimulatedTime(double seconds)
    {
        if (seconds >= 1e11)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{seconds:G6} s");
        }

        var span = TimeSpan.FromSeconds(seconds);
        return span.TotalDays >= 1
            ? string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalDays}d {span.Hours:00}h{span.Minutes:00}m")
            : span.ToString(@"hh\:mm\:ss", CultureInfo.InvariantCulture);
    }

    private static string Extension(ChunkFormat format) => format == ChunkFormat.Parquet ? "parquet" : "jsonl";

    /// <summary>Keeps a destination's extension in step with a format given in the request.</summary>
    private static string WithExtension(string path, ChunkFormat format)
    {
        var extension = Path.GetExtension(path);
        return extension is ".parquet" or ".jsonl" ? path[..^extension.Length] + "." + Extension(format) : path;
    }
}
