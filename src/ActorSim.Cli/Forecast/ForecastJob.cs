using System.Globalization;
using ActorSim.Cli.CommandLine;
using ActorSim.Cli.History;
using ActorSim.Cli.Snapshot;
using ActorSim.Egress.Destinations;
using ActorSim.Egress.Storage;
using ActorSim.Engine;
using ActorSim.Forecasts;
using ActorSim.Forecasts.Records;
using ActorSim.Model.Snapshots;
using ActorSim.Runs;

namespace ActorSim.Cli.Forecast;

/// <summary>Runs <c>actorsim forecast</c>: reads the model and its state, runs the replications, writes <c>summary.json</c> and prints the KPIs.</summary>
internal static class ForecastJob
{
    public static async Task<int> RunAsync(ForecastOptions options, TextWriter output, TextWriter error, CancellationToken cancellation)
    {
        // On a cluster the client node starts (Akka, remoting, the join) on another thread while this one reads the model and the state.
        await using var joining = options.Cluster is { } seeds ? new Node.EarlyJoin(seeds, options.ClusterHost, options.ClusterConfig) : null;
        var model = ModelOption.Source(options.ModelPath);
        var (plant, name) = ModelOption.Build(model);
        var snapshot = options.Snapshot is { } location ? await SnapshotAsync(model, location, options, cancellation).ConfigureAwait(false) : null;
        var summaryPath = Path.Combine(options.Out, "summary.json");
        if (File.Exists(summaryPath) && !options.Overwrite)
        {
            throw new UsageException($"--out {options.Out} holds a forecast (summary.json); give --overwrite to replace it, or another --out.");
        }

        var request = new ForecastRequest
        {
            Plant = plant,
            ModelName = name,
            Snapshot = snapshot,
            HorizonSeconds = options.HorizonSeconds,
            Replications = options.Replications,
            Seed = options.Seed,
            Parallelism = options.Parallelism,
            Alerts = options.Alerts,
            BandStep = options.BandStep,
        };
        try
        {
            request.Validate();
        }
        catch (SnapshotException e)
        {
            throw new UsageException($"--snapshot: {e.Message}");
        }
        catch (ArgumentException e) when (e.ParamName == nameof(ForecastRequest.Alerts))
        {
            throw new UsageException($"--alert: {e.Message.Split(" (Parameter", 2)[0]}");
        }
        catch (ArgumentException e) when (e.ParamName == nameof(ForecastRequest.BandStep))
        {
            throw new UsageException($"--band-step: {e.Message.Split(" (Parameter", 2)[0]}");
        }

        var scenarios = options.Scenarios.Select(s => (s.Name, Request: request with { Changes = s.Changes, Records = null })).ToList();
        foreach (var (scenarioName, scenario) in scenarios)
        {
            try
            {
                scenario.Validate();
            }
            catch (ArgumentException e) when (e.ParamName == nameof(ForecastRequest.Changes))
            {
                throw new UsageException($"{(scenarioName == "what-if" ? "--what-if" : $"--scenarios: scenario '{scenarioName}'")}: {e.Message.Split(" (Parameter", 2)[0]}");
            }
        }

        // On a cluster the snapshot travels as its JSON and every node, this one too, reads that same text back.
        var snapshotJson = options.Cluster is not null && snapshot is not null ? SnapshotJson.Write(snapshot) : null;
        if (snapshotJson is not null)
        {
            snapshot = SnapshotJson.Read(snapshotJson, options.Snapshot!);
            request = request with { Snapshot = snapshot };
            scenarios = scenarios.Select(s => (s.Name, s.Request with { Snapshot = snapshot })).ToList();
        }

        // The records' destination is taken before the cluster is joined: one that cannot be written fails at once.
        await using var records = options.KeepRecords is { } keep ? await RecordsAsync(model, snapshot, keep, options, cancellation).ConfigureAwait(false) : null;
        await using var cluster = joining is null ? null : ForecastCluster.Over(await joining.TakeAsync().ConfigureAwait(false), model, snapshotJson);
        var executor = cluster?.Executor;
        request = request with { Records = records };
        var from = snapshot is null ? "empty, at 0" : $"the {(snapshot.Kind == SnapshotKind.Exact ? "exact" : "observed")} snapshot at t={SimTime.Format(snapshot.AsOf, snapshot.Start)}";
        var count = options.Precision is { } target
            ? string.Create(CultureInfo.InvariantCulture, $"replications in batches of {options.Replications:N0} until {target} (at most {target.MaxReplications:N0})")
            : string.Create(CultureInfo.InvariantCulture, $"{options.Replications:N0} replications");
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"forecast of '{name}' from {from}: {count} of {SimTime.Format(options.HorizonSeconds)} on {(options.Cluster is { } on ? "the cluster at " + string.Join(",", on) : $"{options.Parallelism} workers")}, seed {options.Seed}")).ConfigureAwait(false);
        ForecastResult result;
        string? stopping = null;
        try
        {
            using var progress = options.Progress ? new ForecastProgress(error, options.Precision is null ? options.Replications : null, TimeSpan.FromSeconds(5)) : null;
            (result, stopping) = await RunAsync(request with { ReplicationDone = progress is null ? null : progress.ReplicationDone }, options, executor, cancellation).ConfigureAwait(false);
        }
        catch (Exception e) when (records is not null && e is not UsageException)
        {
            // The records' manifest says how the forecast ended, so that chunks of a failed or stopped one are never taken as complete.
            var cause = e is AggregateException { InnerExceptions.Count: 1 } single ? single.InnerExceptions[0] : e;
            if (cancellation.IsCancellationRequested)
            {
                await output.WriteLineAsync(await records.CompleteAsync(RunStatus.Stopped, "stopped before its end on request").ConfigureAwait(false)).ConfigureAwait(false);
                throw;
            }

            var message = FailureText.Describe(cause);
            await error.WriteLineAsync($"actorsim: the forecast failed: {message}").ConfigureAwait(false);
            await output.WriteLineAsync(await records.CompleteAsync(RunStatus.Failed, message).ConfigureAwait(false)).ConfigureAwait(false);
            return CliApplication.RunFailed;
        }

        if (records is not null)
        {
            await output.WriteLineAsync(await records.CompleteAsync(RunStatus.Succeeded, null).ConfigureAwait(false)).ConfigureAwait(false);
        }

        if (options.Precision is not null)
        {
            request = request with { Replications = result.Rows.Count };
            scenarios = scenarios.Select(s => (s.Name, s.Request with { Replications = result.Rows.Count })).ToList();
        }

        var comparisons = new List<ScenarioComparison>();
        foreach (var (scenarioName, scenario) in scenarios)
        {
            var changed = await Task.Run(() => ForecastRunner.Run(scenario, cancellation, executor), cancellation).ConfigureAwait(false);
            comparisons.Add(ScenarioComparison.Of(scenarioName, scenario.Changes, result, changed));
        }

        // Every replication has run: the client starts leaving the cluster while it writes the outputs.
        IReadOnlyList<string> workers = cluster is null ? [] : await cluster.FinishAsync().ConfigureAwait(false);
        Directory.CreateDirectory(options.Out);
        var temporary = $"{summaryPath}.{Environment.ProcessId}.tmp";
        await File.WriteAllTextAsync(temporary, ForecastSummaryJson.Write(request, result, comparisons), cancellation).ConfigureAwait(false);
        File.Move(temporary, summaryPath, overwrite: true);
        var replicationsPath = Path.Combine(options.Out, "replications.parquet");
        await File.WriteAllBytesAsync(temporary, ForecastReplicationsParquet.Write(result, comparisons), cancellation).ConfigureAwait(false);
        File.Move(temporary, replicationsPath, overwrite: true);
        await File.WriteAllBytesAsync(temporary, ForecastBandsParquet.Write(result), cancellation).ConfigureAwait(false);
        File.Move(temporary, Path.Combine(options.Out, "bands.parquet"), overwrite: true);
        ForecastChart.Save(result, Path.Combine(options.Out, "forecast.png"), Path.Combine(options.Out, "forecast.svg"));
        if (Terminal.Is(output))
        {
            var console = Terminal.ConsoleFor(output);
            console.Write(ForecastReport.KpiTable(result));
            foreach (var comparison in comparisons)
            {
                console.Write(ForecastReport.DifferenceTable(comparison));
            }
        }
        else
        {
            foreach (var line in ForecastReport.Lines(result).Concat(comparisons.SelectMany(ForecastReport.Differences)))
            {
                await output.WriteLineAsync(line).ConfigureAwait(false);
            }
        }

        var verdicts = ForecastVerdict.Of(request, result);
        foreach (var verdict in verdicts)
        {
            await output.WriteLineAsync(ForecastVerdict.Describe(verdict)).ConfigureAwait(false);
        }

        await output.WriteLineAsync(ForecastVerdict.Headline(verdicts)).ConfigureAwait(false);

        if (stopping is not null)
        {
            await output.WriteLineAsync(stopping).ConfigureAwait(false);
        }

        foreach (var line in workers)
        {
            await output.WriteLineAsync(line).ConfigureAwait(false);
        }

        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"{result.Rows.Count:N0} replications in {result.Elapsed.TotalSeconds:0.###} s; written to {summaryPath}, {replicationsPath}, bands.parquet and forecast.png/.svg")).ConfigureAwait(false);
        return CliApplication.Ok;
    }

    /// <summary>The baseline's replications: a fixed count, or batches until <c>--target-precision</c> is met (with the line saying so).</summary>
    private static async Task<(ForecastResult Result, string? Stopping)> RunAsync(
        ForecastRequest request, ForecastOptions options, IReplicationExecutor? executor, CancellationToken cancellation)
    {
        if (options.Precision is not { } rule)
        {
            return (await Task.Run(() => ForecastRunner.Run(request, cancellation, executor), cancellation).ConfigureAwait(false), null);
        }

        SequentialForecast sequential;
        try
        {
            sequential = await Task.Run(() => ForecastRunner.RunUntilPrecise(request, rule, cancellation, executor), cancellation).ConfigureAwait(false);
        }
        catch (ArgumentException e) when (e.ParamName is nameof(PrecisionRule.Kpis) or nameof(PrecisionRule.MaxReplications) or nameof(PrecisionRule.RelativeHalfWidth))
        {
            throw new UsageException($"--target-precision: {e.Message.Split(" (Parameter", 2)[0]}");
        }

        var count = sequential.Result.Rows.Count;
        return (sequential.Result, sequential.Met
            ? string.Create(CultureInfo.InvariantCulture, $"target {rule} met after {count:N0} replications; {sequential.Deciding} decided, at ±{sequential.Precision:0.##%}")
            : string.Create(CultureInfo.InvariantCulture, $"target {rule} not met after the most replications ({count:N0}); {sequential.Deciding} reached ±{sequential.Precision:0.##%}"));
    }

    /// <summary>
    /// <c>--keep-records DEST</c>: the model's sinks (its egress sections, or history's default sink) resolved into
    /// DEST as a history run from the same state for the horizon would be, and DEST taken for the forecast.
    /// </summary>
    private static async Task<ForecastRecordStore> RecordsAsync(ModelSource model, ModelSnapshot? snapshot, string destination, ForecastOptions options, CancellationToken cancellation)
    {
        var s3 = options.S3;
        CompiledRun run;
        try
        {
            var spec = RunSpecResolver.Resolve(
                new RunRequest
                {
                    Model = model,
                    // Worker nodes write into a folder by the path they are given: the one this process means.
                    Destination = options.Cluster is not null && !destination.StartsWith("s3://", StringComparison.OrdinalIgnoreCase) ? Path.GetFullPath(destination) : destination,
                    DurationSeconds = options.HorizonSeconds,
                    Snapshot = snapshot,
                    Seed = options.Seed,
                    Engine = RunEngine.Reference,
                    WriteMode = options.Overwrite ? WriteMode.Overwrite : WriteMode.New,
                },
                WholeSecondNow());
            run = RunCompiler.Compile(spec, location => ObjectStoreLocation.Parse(location).CreateStore(s3));
        }
        catch (Exception e) when (e is RunSpecException or ArgumentException)
        {
            throw new UsageException($"--keep-records: {e.Message}");
        }

        try
        {
            return await ForecastRecordStore.OpenAsync(run, cancellation).ConfigureAwait(false);
        }
        catch (DestinationException e)
        {
            throw new UsageException($"--keep-records: {e.Message}");
        }
    }

    /// <summary>The start of records from empty when the model gives none: the wall clock now, to the whole second, without a zone (as history's default start).</summary>
    private static DateTime WholeSecondNow()
    {
        var now = DateTime.Now;
        return DateTime.SpecifyKind(now.AddTicks(-(now.Ticks % TimeSpan.TicksPerSecond)), DateTimeKind.Unspecified);
    }

    private static async Task<ModelSnapshot> SnapshotAsync(ModelSource model, string location, ForecastOptions options, CancellationToken cancellation)
    {
        if (DatabaseState.IsDatabase(location))
        {
            return (await DatabaseState.ReadAsync(model, "--snapshot", location, at: null, start: null, cancellation).ConfigureAwait(false)).Snapshot;
        }

        try
        {
            var s3 = options.S3 is null ? null : options.S3 with { CreateBucketIfMissing = false };
            return await SnapshotFiles.ReadAsync(location, destination => ObjectStoreLocation.Parse(destination).CreateStore(s3), cancellation).ConfigureAwait(false);
        }
        catch (SnapshotException e)
        {
            throw new UsageException($"--snapshot: {e.Message}");
        }
    }
}
