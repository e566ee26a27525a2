using System.Globalization;
using ActorSim.Cli.CommandLine;
using ActorSim.Egress.Storage;
using ActorSim.Engine;
using ActorSim.Model.Plants;
using ActorSim.Model.Snapshots;
using ActorSim.Runs;
using ActorSim.Snapshots.Database;
using ActorSim.Snapshots.EventLogs;
using ActorSim.Snapshots.Observed;

namespace ActorSim.Cli.Snapshot;

/// <summary>Runs <c>actorsim snapshot</c>: a rebuild from an event log, a read from a database, a check of a file, or a fingerprint.</summary>
internal static class SnapshotJob
{
    /// <summary>Runs it; a log, database or store that cannot be read, or a snapshot that cannot be written, is told on <paramref name="error"/> (exit 1).</summary>
    public static async Task<int> RunAsync(SnapshotOptions options, TextWriter output, TextWriter error, CancellationToken cancellation)
    {
        try
        {
            return await RunCoreAsync(options, output, cancellation).ConfigureAwait(false);
        }
        catch (Exception e) when (e is EventLogException or DatabaseStateException or ActorSim.Egress.ObjectStoreException or IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync($"actorsim: snapshot failed: {e.Message}").ConfigureAwait(false);
            return CliApplication.RunFailed;
        }
    }

    private static async Task<int> RunCoreAsync(SnapshotOptions options, TextWriter output, CancellationToken cancellation)
    {
        if (options.From is { } from)
        {
            return await FromDatabaseAsync(options, from, output, cancellation).ConfigureAwait(false);
        }

        var (plant, name) = ModelOption.Build(ModelOption.Source(options.ModelPath));
        if (options.Fingerprint)
        {
            await output.WriteLineAsync(ModelFingerprint.Of(plant)).ConfigureAwait(false);
            return CliApplication.Ok;
        }

        if (options.Check is { } check)
        {
            var snapshot = await ReadAsync(check, options, cancellation).ConfigureAwait(false);
            Validate(snapshot, plant, check);
            await output.WriteLineAsync($"{check}: a valid {Lower(snapshot.Kind)} snapshot of '{name}' at t={SimTime.Format(snapshot.AsOf, snapshot.Start)}{Summary(snapshot)}.").ConfigureAwait(false);
            return CliApplication.Ok;
        }

        var reader = StoreFor(options.Events!, options);
        EventLogRebuildResult result;
        try
        {
            result = await ObservedSnapshots.FromEventLogAsync(
                plant, name, reader, string.Empty, options.At!, new EventLogOptions { RunId = options.RunId, IncludeUnfinishedRuns = options.IncludeUnfinished }, cancellation)
                .ConfigureAwait(false);
        }
        catch (SnapshotException e)
        {
            throw new UsageException($"--events {options.Events}: {e.Message}");
        }

        Validate(result.Snapshot, plant, options.Events!);
        await SnapshotFiles.WriteAsync(options.Out!, result.Snapshot, destination => StoreFor(destination, options), cancellation).ConfigureAwait(false);
        var seconds = result.Elapsed.TotalSeconds;
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"observed snapshot of '{name}' at t={SimTime.Format(result.Snapshot.AsOf, result.Snapshot.Start)}{Summary(result.Snapshot)}; " +
            $"{result.RecordsRead:N0} records read from {result.Selection.Chunks.Count} chunks in {seconds:0.###} s ({(seconds > 0 ? result.RecordsRead / seconds : 0):N0} records/s); written to {options.Out}")).ConfigureAwait(false);
        await output.WriteLineAsync($"read: {result.Selection.Describe()}").ConfigureAwait(false);
        return CliApplication.Ok;
    }

    private static async Task<int> FromDatabaseAsync(SnapshotOptions options, string from, TextWriter output, CancellationToken cancellation)
    {
        var model = ModelOption.Source(options.ModelPath);
        var result = await DatabaseState.ReadAsync(model, "--from", from, options.At?.Timestamp, options.Start, cancellation).ConfigureAwait(false);
        await SnapshotFiles.WriteAsync(options.Out!, result.Snapshot, destination => StoreFor(destination, options), cancellation).ConfigureAwait(false);
        var snapshot = result.Snapshot;
        var seconds = result.Elapsed.TotalSeconds;
        var resources = result.ResourceRows is { } count ? count.ToString(CultureInfo.InvariantCulture) : "no";
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"observed snapshot of '{snapshot.Model.Name}' at t={SimTime.Format(snapshot.AsOf, snapshot.Start)}{Summary(snapshot)}; " +
            $"{result.WipRows} work-in-progress, {result.ParameterRows} parameter and {resources} resource rows read in {seconds:0.###} s; written to {options.Out}")).ConfigureAwait(false);
        await output.WriteLineAsync($"read: {DatabaseLocation.Parse(from).Display}, start {snapshot.Start:yyyy-MM-ddTHH:mm:ss.fff}").ConfigureAwait(false);
        return CliApplication.Ok;
    }

    private static string Summary(ModelSnapshot snapshot)
    {
        var tasks = snapshot.Lines.SelectMany(l => l.Tasks).ToArray();
        var inService = tasks.Count(t => t.State == TaskState.InService);
        var inTransit = snapshot.Lines.Sum(l => l.InTransit.Count);
        return string.Create(CultureInfo.InvariantCulture, $": {inService} tasks in service, {tasks.Length - inService} queued, {inTransit} items in transit");
    }

    private static void Validate(ModelSnapshot snapshot, PlantModel plant, string source)
    {
        try
        {
            SnapshotValidator.Check(snapshot, plant, source);
        }
        catch (SnapshotException e)
        {
            throw new UsageException(e.Message);
        }
    }

    private static async Task<ModelSnapshot> ReadAsync(string location, SnapshotOptions options, CancellationToken cancellation)
    {
        try
        {
            return await SnapshotFiles.ReadAsync(location, destination => StoreFor(destination, options), cancellation).ConfigureAwait(false);
        }
        catch (SnapshotException e)
        {
            throw new UsageException(e.Message);
        }
    }

    private static IObjectStore StoreFor(string location, SnapshotOptions options)
    {
        try
        {
            return ObjectStoreLocation.Parse(location).CreateStore(options.S3 is null ? null : options.S3 with { CreateBucketIfMissing = false });
        }
        catch (ArgumentException e)
        {
            throw new UsageException(e.Message);
        }
    }

    private static string Lower(SnapshotKind kind) => kind == SnapshotKind.Exact ? "exact" : "observed";
}
