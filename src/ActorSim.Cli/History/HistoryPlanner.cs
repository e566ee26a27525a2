using ActorSim.Cli.CommandLine;
using ActorSim.Cli.Snapshot;
using ActorSim.Egress.Storage;
using ActorSim.Runs;

namespace ActorSim.Cli.History;

/// <summary>
/// Turns <c>actorsim history</c>'s options into a <see cref="RunSpec"/> (through <see cref="RunSpecResolver"/>) and
/// compiles it with this process's stores; the CLI adds only the command line's words to refusals.
/// </summary>
internal static class HistoryPlanner
{
    /// <summary>What the options ask for: the model file read (a missing file is a usage error), the flags' values.</summary>
    public static RunRequest Request(HistoryOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new RunRequest
        {
            Model = ModelOption.Source(options.ModelPath),
            DurationSeconds = options.DurationSeconds,
            Start = options.Start,
            Seed = options.Seed,
            Format = options.Format,
            Destination = options.Destination,
            BatchSize = options.BatchSize,
            FlushInterval = options.FlushInterval,
            StallTimeout = options.StallTimeout,
            KeepTelemetry = options.KeepTelemetry,
            PartitionByDate = options.PartitionByDate,
            MergeLines = options.MergeLines,
            Engine = options.Engine,
            Parallelism = options.Parallelism,
            WriteMode = options.WriteMode,
            SnapshotAt = options.SnapshotAt,
            SnapshotEvery = options.SnapshotEvery,
            GoLiveAt = options.GoLiveAt,
            SnapshotOut = options.SnapshotOut,
        };
    }

    /// <summary>
    /// <paramref name="request"/> with the snapshot of <c>--snapshot</c> read (one that cannot be read is a usage error
    /// naming it): a file, <c>s3://bucket/key</c>, or a <c>postgresql://</c> database's state now (see <see cref="DatabaseState"/>).
    /// </summary>
    public static async Task<RunRequest> WithSnapshotAsync(RunRequest request, HistoryOptions options, CancellationToken cancellation)
    {
        if (options.SnapshotPath is not { } path)
        {
            return request;
        }

        if (DatabaseState.IsDatabase(path))
        {
            var state = await DatabaseState.ReadAsync(request.Model, "--snapshot", path, at: null, options.Start, cancellation).ConfigureAwait(false);
            return request with { Snapshot = state.Snapshot };
        }

        try
        {
            return request with { Snapshot = await SnapshotFiles.ReadAsync(path, destination => CreateStore(destination, options), cancellation).ConfigureAwait(false) };
        }
        catch (ActorSim.Model.Snapshots.SnapshotException e)
        {
            throw new UsageException($"--snapshot: {e.Message}");
        }
    }

    /// <summary>Whether <paramref name="request"/> runs a plant blueprint (lines and links), told before it is resolved.</summary>
    public static bool IsPlant(RunRequest request) => request.Model.IsPlantBlueprint;

    /// <summary>The run <paramref name="request"/> asks for, resolved: the blueprint's values under the flags.</summary>
    public static RunSpec Resolve(RunRequest request)
    {
        try
        {
            return RunSpecResolver.Resolve(request, HistoryOptionsParser.DefaultStart());
        }
        catch (RunSpecException e)
        {
            throw new UsageException(e.Message);
        }
    }

    /// <summary>Compiles <paramref name="spec"/> with the stores of <paramref name="options"/> (S3 endpoint and credentials).</summary>
    public static CompiledRun Compile(RunSpec spec, HistoryOptions options)
    {
        try
        {
            return RunCompiler.Compile(spec, destination => CreateStore(destination, options));
        }
        catch (RunSpecException e)
        {
            throw new UsageException(e.Message);
        }
    }

    /// <summary>A local folder, or an S3 bucket/prefix with the options' endpoint and credentials.</summary>
    public static IObjectStore CreateStore(string destination, HistoryOptions options)
    {
        var location = ParseDestination(destination);
        var s3 = options.S3 is null ? null : options.S3 with { CreateBucketIfMissing = options.CreateBucket };
        return location.CreateStore(s3);
    }

    /// <summary>Parses a destination; a malformed one (bad bucket name, '..' in the prefix, ...) is a usage error.</summary>
    private static ObjectStoreLocation ParseDestination(string destination)
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
