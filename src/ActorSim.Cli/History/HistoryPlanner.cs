using ActorSim.Cli.CommandLine;
using ActorSim.Egress;
using ActorSim.Egress.Routing;
using ActorSim.Egress.Storage;
using ActorSim.Model.Building;

namespace ActorSim.Cli.History;

/// <summary>Turns options into a plan: the reference model and the seed's router unless a blueprint says otherwise.</summary>
internal static class HistoryPlanner
{
    /// <summary>The built-in reference model's definition for the manifest's hash: its name, as it has no file.</summary>
    private static readonly byte[] ReferenceModelDefinition = "builtin:Line_A"u8.ToArray();

    public static HistoryPlan Plan(HistoryOptions options)
    {
        if (options.ModelPath is not null)
        {
            return BlueprintPlanner.Plan(options);
        }

        var format = options.Format ?? ChunkFormat.Parquet;
        var destination = options.Destination ?? "data";
        var start = options.Start ?? HistoryOptionsParser.DefaultStart();
        var duration = options.DurationSeconds ?? HistoryOptions.DefaultDurationSeconds;
        HistoryOptionsParser.CheckTimeRange(options, null, start, duration);
        var sink = ReferenceSink(options, format, destination);
        return new HistoryPlan(
            ReferenceModels.LineA(),
            start,
            duration,
            options.Seed ?? 42,
            [sink],
            [destination],
            Factor: 0,
            ModelDefinition: ReferenceModelDefinition);
    }

    /// <summary>The seed's history router: events flattened into <c>events.*</c>; telemetry and the lag metric dropped, or telemetry kept in <c>telemetry.*</c>.</summary>
    public static SinkOptions ReferenceSink(HistoryOptions options, ChunkFormat format, string destination)
    {
        var extension = format == ChunkFormat.Parquet ? "parquet" : "jsonl";
        var router = options.KeepTelemetry
            ? Routers.ByStreamType($"events.{extension}", $"telemetry.{extension}").DropLagMetric().Flatten()
            : Routers.All($"events.{extension}").DropTelemetry().DropLagMetric().Flatten();
        if (options.PartitionByDate)
        {
            router = router.PartitionByDate();
        }

        return new SinkOptions
        {
            Name = "history",
            Store = CreateStore(destination, options),
            Router = router,
            Format = format,
            BatchSize = options.BatchSize ?? HistoryOptions.DefaultBatchSize,
            FlushInterval = options.FlushInterval ?? HistoryOptions.DefaultFlushInterval,
            StallTimeout = options.StallTimeout ?? HistoryOptions.DefaultStallTimeout,
        };
    }

    /// <summary>A local folder, or an S3 bucket/prefix with the options' endpoint and credentials.</summary>
    public static IObjectStore CreateStore(string destination, HistoryOptions options)
    {
        var location = ParseDestination(destination);
        var s3 = options.S3 is null ? null : options.S3 with { CreateBucketIfMissing = options.CreateBucket };
        return location.CreateStore(s3);
    }

    /// <summary>Parses a destination; a malformed one (bad bucket name, '..' in the prefix, ...) is a usage error.</summary>
    public static ObjectStoreLocation ParseDestination(string destination)
    {
        try
        {
            return ObjectStoreLocation.Parse(destination);
        }
        catch (ArgumentException e)
        {
            throw new UsageException(FailureText.Message(e));
        }
    }
}
