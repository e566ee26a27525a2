using System.Collections;
using System.CommandLine;
using System.Globalization;
using ActorSim.Cli.CommandLine;
using ActorSim.Egress;
using ActorSim.Egress.Storage;

namespace ActorSim.Cli.History;

/// <summary>
/// <c>actorsim history</c> for System.CommandLine: its options with their help and checks, and the
/// <see cref="HistoryOptions"/> that a parse and the environment variables make.
/// </summary>
internal sealed class HistoryCommand
{
    private const string Description =
        "Run a model as fast as the CPU allows (or at the pace a blueprint's simulation.factor sets) and write every record into Parquet or JSONL chunks.";

    /// <summary>The defaults of the options that are not left to a blueprint.</summary>
    private static readonly HistoryOptions Defaults = new();

    /// <summary>What the help shows after the options: the environment variables, the destination's files, the exit codes.</summary>
    public static readonly string HelpSections = string.Create(CultureInfo.InvariantCulture, $"""
        Without options:
          it runs the reference model (Line_A: exponential arrivals 2/s, normal(2 s, 0.2 s) milling on 4 of 10 lathes)
          for 1 week from now − 7 days, seed 42, drops telemetry and the lag metric, flattens each event's value into
          columns, and writes data/events_000001.parquet, … (batch {HistoryOptions.DefaultBatchSize}, flush every simulated day).

        Environment (as the seed's history example):
          USE_S3=true                     write to S3: bucket/prefix from DEST_PATH (default dml-dev/history)
          S3_ENDPOINT                     host:port (http) or http(s)://host:port of an S3-compatible server, no credentials
                                          in it (default localhost:8333 with USE_S3)
          S3_ACCESS_KEY, S3_SECRET_KEY    credentials (default user/password with USE_S3; else the AWS chain)
          DEST_PATH                       the destination when --dest is not given

        Output:
          DEST gets _manifest.json last (every run, its chunks with rows, bytes and SHA-256), then _SUCCESS if every run
          in it succeeded; a run holds DEST/_actorsim.lock while it writes.

        On a cluster (--cluster):
          this process holds the coordinator and the manifests; the lines run on the worker nodes (actorsim node), spread
          evenly, each writing its records into DEST on its own node. The files are the same bytes. A node hosting lines
          that is lost fails the run (exit 1) naming it and its lines. See docs/cluster.md.

        Exit codes:
          0    done, and every record accounted for
          1    the run failed
          2    bad command line
          130  stopped by Ctrl+C (SIGINT)
          143  stopped by SIGTERM
          A stop keeps only whole chunk files, listed in a manifest with status stopped; a second signal ends at once.
        """);

    private readonly Option<string> _duration = CliOption.Value(
        "--duration", "D", "Simulated time to run: '1 week', '2.5 hours', '30 mins', '86400', 'PT8H' (default 1 week).",
        text => HistoryOptionsParser.Duration("--duration", text));

    private readonly Option<string> _start = CliOption.Value(
        "--start", "T", "Logical start, ISO-8601 ('2026-01-01T00:00:00', with Z for UTC) or 'now' (default now − 7 days); " +
        "start + duration must not pass 9999-12-31T23:59:59.999.",
        text => HistoryOptionsParser.ParseStart(text));

    private readonly Option<string> _seed = CliOption.Value("--seed", "N", "Random seed (default 42).", text => HistoryOptionsParser.ParseSeed(text));

    private readonly Option<string> _format = CliOption.Value(
        "--format", "F", "parquet | jsonl (default parquet).", text => HistoryOptionsParser.ParseFormat(text));

    private readonly Option<string> _dest = CliOption.Value(
        "--dest", "D", "A local folder, or s3://bucket/prefix (default data, or $DEST_PATH); it must be empty, unless --overwrite or --append.");

    private readonly Option<bool> _overwrite = CliOption.Switch(
        "--overwrite", "Remove ActorSim's earlier output in DEST first (chunks, manifest, leftovers of a killed run).");

    private readonly Option<bool> _append = CliOption.Switch("--append", "Add this run beside the completed runs in DEST (chunk names carry its run id).");

    private readonly Option<string> _batchSize = CliOption.Value(
        "--batch-size", "N", string.Create(CultureInfo.InvariantCulture, $"Records per chunk file, 1 to {SinkOptions.MaxBatchSize} (default {HistoryOptions.DefaultBatchSize})."),
        text => HistoryOptionsParser.ParseBatchSize(text));

    private readonly Option<string> _flushInterval = CliOption.Value(
        "--flush-interval", "D", "Cut a chunk after this much simulated time; 0 cuts by size only (default 1 day).",
        text => HistoryOptionsParser.Duration("--flush-interval", text, allowZero: true));

    private readonly Option<string> _stallTimeout = CliOption.Value(
        "--stall-timeout", "D", string.Create(CultureInfo.InvariantCulture, $"Wall-clock time a sink may make no progress before the run fails (default {HistoryOptions.DefaultStallTimeout.TotalSeconds:0} s)."),
        text => TimeSpan.FromSeconds(HistoryOptionsParser.Duration("--stall-timeout", text)));

    private readonly Option<bool> _keepTelemetry = CliOption.Switch("--keep-telemetry", "Write telemetry to telemetry.* instead of dropping it.");

    private readonly Option<bool> _partitionByDate = CliOption.Switch("--partition-by-date", "Write into Hive-style date=YYYY-MM-DD/ folders.");

    private readonly Option<string> _model = CliOption.Value(
        "--model", "FILE.yaml", "Run a YAML blueprint (a line, or a plant with lines: and links:); the options above override it.");

    private readonly Option<string> _engine = CliOption.Value(
        "--engine", "E", "actors (a LineActor per line under a coordinator, an EgressActor per line and sink; Akka.NET) | " +
        "reference (one engine on this thread, no actors) | windowed (one engine per line, conservative windows); all write the same records, byte for byte " +
        $"(default {Lower(Defaults.Engine)}).",
        text => HistoryOptionsParser.ParseEngine(text));

    private readonly Option<string> _parallelism = CliOption.Value(
        "--parallelism", "N", "Line threads of a plant on the actor and windowed engines; a single line runs on one (default: one per core).", text => HistoryOptionsParser.ParseParallelism(text));

    private readonly Option<string> _logLevel = CliOption.Value(
        "--log-level", "L", $"The actor engine's Akka log: debug | info | warning | error | off (default {Lower(Defaults.LogLevel)}).", text => HistoryOptionsParser.ParseLogLevel(text));

    private readonly Option<ActorSim.Actors.ActorRunnerSettings?> _config = CliOption.Parsed(
        "--config", "FILE", "A HOCON file laid over the embedded configuration (cluster-config/actorsim.conf) of the actor engine: " +
        "line threads, grants, watchdog, logging, dispatchers; --parallelism and --log-level override its keys.",
        text => HistoryOptionsParser.ParseConfig(text));

    private readonly Option<bool> _mergeLines = CliOption.Switch(
        "--merge-lines", "Plants: write every line into DEST itself, chunk names carrying the line (events_<sim_id>_000001.parquet), " +
        "instead of one DEST/line=<sim_id>/ folder per line.");

    private readonly Option<string> _snapshot = CliOption.Value(
        "--snapshot", "FILE", "Start from this snapshot (a file, s3://bucket/key, or a database's state now: postgresql://user:password@host:port/db) and run --duration further; the run keeps the snapshot's logical start.");

    private readonly Option<string> _snapshotAt = CliOption.Value(
        "--snapshot-at", "T", "Write an exact snapshot at T, a duration from the logical start ('8 hours') or an ISO timestamp; the run goes on.",
        text => HistoryOptionsParser.ParseInstant("--snapshot-at", text));

    private readonly Option<string> _snapshotEvery = CliOption.Value(
        "--snapshot-every", "D", "Write an exact snapshot every D of simulated time ('1 hour'), as snapshot_<timestamp>.json in --snapshot-out (a folder or s3://bucket/prefix).",
        text => HistoryOptionsParser.Duration("--snapshot-every", text));

    private readonly Option<string> _snapshotOut = CliOption.Value(
        "--snapshot-out", "OUT", "Where snapshots go: a file or s3://bucket/key for --snapshot-at, a folder or s3://bucket/prefix for --snapshot-every.");

    private readonly Option<string> _goLiveAt = CliOption.Value(
        "--go-live-at", "T", "Backfill, then live: run as fast as possible until T ('now', an ISO timestamp, or a duration from the start), then at the blueprint's simulation.factor.",
        text => HistoryOptionsParser.ParseInstant("--go-live-at", text));

    private readonly Option<bool> _noCreateBucket = CliOption.Switch("--no-create-bucket", "Fail instead of creating a missing S3 bucket.");

    private readonly Option<string> _progress = CliOption.Value(
        "--progress", "P", $"auto (a live progress bar on a terminal, log lines otherwise) | plain (log lines) | none (default {Lower(Defaults.Progress)}).",
        text => HistoryOptionsParser.ParseProgress(text));

    private readonly Option<string> _cluster = CliOption.Value(
        "--cluster", "HOST:PORT,…", "Run the plant's lines on an ActorSim cluster's worker nodes (actorsim node), joining it through these seed nodes as a client "
        + "that holds the coordinator; each line writes its records on its node into DEST (S3, or a folder every node sees). The files are the same bytes.",
        text => Node.NodeCommand.Seeds(text));

    private readonly Option<string> _clusterHost = CliOption.Value(
        "--cluster-host", "H", "The host name or IP this process binds as the cluster's client; the workers connect back to it (default 127.0.0.1).");

    private readonly Option<string> _clusterConfig = CliOption.Value(
        "--cluster-config", "FILE", "A HOCON file laid over the client's embedded cluster configuration (cluster-config/cluster-node.conf).");

    private readonly Option<string> _clusterWorkers = CliOption.Value(
        "--cluster-workers", "N", "Worker nodes to wait for (at most 60 s) before the lines are spread over them (default 1).",
        text => ParseWorkers(text));

    private readonly Option<string> _placement = CliOption.Value(
        "--placement", "RULE", "With --cluster: how the lines the blueprint does not pin (lines.<sim_id>.node) are placed on the workers: spread (default; line i on worker i mod n) "
        + "or together (the lines that exchange most items, by their send_to weights, on one worker, as many on each as spread puts there). Placement changes no record.",
        text => HistoryOptionsParser.ParsePlacement(text));

    private readonly Option<string> _checkpointEvery = CliOption.Value(
        "--checkpoint-every", "D", "With --cluster: take a consistent checkpoint every D of simulated time ('1 hour'); when a worker node hosting lines is lost, "
        + "every line goes back to a checkpoint (the latest every sink can replay from) on the nodes still up and the run goes on, writing the same files. Without it, losing such a node fails the run.",
        text => HistoryOptionsParser.Duration("--checkpoint-every", text));

    public HistoryCommand()
    {
        _format.CompletionSources.Add("parquet", "jsonl");
        _placement.CompletionSources.Add("spread", "together");
        _engine.CompletionSources.Add("actors", "reference", "windowed");
        _logLevel.CompletionSources.Add("debug", "info", "warning", "error", "off");
        _progress.CompletionSources.Add("auto", "plain", "none");
        Command = new Command("history", Description)
        {
            _duration, _start, _seed, _format, _dest, _overwrite, _append, _batchSize, _flushInterval, _stallTimeout, _keepTelemetry,
            _partitionByDate, _model, _engine, _parallelism, _logLevel, _config, _mergeLines, _snapshot, _snapshotAt, _snapshotEvery, _snapshotOut, _goLiveAt, _noCreateBucket, _progress,
            _cluster, _clusterHost, _clusterConfig, _clusterWorkers, _placement, _checkpointEvery,
        };
        Command.Validators.Add(result =>
        {
            try
            {
                HistoryOptionsParser.ParseWriteMode(result.GetValue(_overwrite), result.GetValue(_append));
            }
            catch (UsageException e)
            {
                result.AddError(e.Message);
            }
        });
    }

    /// <summary>The command, its options and checks; its action is set by whoever runs it.</summary>
    public Command Command { get; }

    /// <summary>
    /// The options of a successful parse, with the destination and S3 settings the environment supplies; a malformed
    /// <c>S3_ENDPOINT</c> (or one holding credentials) is a <see cref="UsageException"/>.
    /// </summary>
    public HistoryOptions Read(ParseResult parse, IDictionary environment)
    {
        var actors = parse.GetValue(_config);
        return new()
        {
            DurationSeconds = parse.GetValue(_duration) is { } duration ? HistoryOptionsParser.Duration("--duration", duration) : null,
            Start = parse.GetValue(_start) is { } start ? HistoryOptionsParser.ParseStart(start) : null,
            SnapshotPath = parse.GetValue(_snapshot),
            SnapshotAt = parse.GetValue(_snapshotAt) is { } snapshotAt ? HistoryOptionsParser.ParseInstant("--snapshot-at", snapshotAt) : null,
            SnapshotEvery = parse.GetValue(_snapshotEvery) is { } every ? HistoryOptionsParser.Duration("--snapshot-every", every) : null,
            SnapshotOut = parse.GetValue(_snapshotOut),
            GoLiveAt = parse.GetValue(_goLiveAt) is { } goLive ? HistoryOptionsParser.ParseInstant("--go-live-at", goLive) : null,
            Seed = parse.GetValue(_seed) is { } seed ? HistoryOptionsParser.ParseSeed(seed) : null,
            Format = parse.GetValue(_format) is { } format ? HistoryOptionsParser.ParseFormat(format) : null,
            Destination = HistoryOptionsParser.Destination(parse.GetValue(_dest), environment),
            BatchSize = parse.GetValue(_batchSize) is { } batchSize ? HistoryOptionsParser.ParseBatchSize(batchSize) : null,
            FlushInterval = parse.GetValue(_flushInterval) is { } flush ? HistoryOptionsParser.Duration("--flush-interval", flush, allowZero: true) : null,
            StallTimeout = parse.GetValue(_stallTimeout) is { } stall ? TimeSpan.FromSeconds(HistoryOptionsParser.Duration("--stall-timeout", stall)) : null,
            KeepTelemetry = parse.GetValue(_keepTelemetry),
            PartitionByDate = parse.GetValue(_partitionByDate),
            ModelPath = parse.GetValue(_model),
            S3 = HistoryOptionsParser.S3Options(environment),
            CreateBucket = !parse.GetValue(_noCreateBucket),
            Progress = parse.GetValue(_progress) is { } progress ? HistoryOptionsParser.ParseProgress(progress) : Defaults.Progress,
            Engine = parse.GetValue(_engine) is { } engine ? HistoryOptionsParser.ParseEngine(engine) : Defaults.Engine,
            Parallelism = parse.GetValue(_parallelism) is { } threads
                ? HistoryOptionsParser.ParseParallelism(threads)
                : actors is { Parallelism: > 0 } ? actors.Parallelism : Defaults.Parallelism,
            MergeLines = parse.GetValue(_mergeLines),
            WriteMode = HistoryOptionsParser.ParseWriteMode(parse.GetValue(_overwrite), parse.GetValue(_append)),
            LogLevel = parse.GetValue(_logLevel) is { } level ? HistoryOptionsParser.ParseLogLevel(level) : actors?.LogLevel ?? Defaults.LogLevel,
            ActorSettings = actors,
            Cluster = parse.GetValue(_cluster) is { } cluster ? Node.NodeCommand.Seeds(cluster) : null,
            ClusterHost = parse.GetValue(_clusterHost),
            ClusterConfig = parse.GetValue(_clusterConfig),
            ClusterWorkers = parse.GetValue(_clusterWorkers) is { } workers ? ParseWorkers(workers) : 1,
            Placement = parse.GetValue(_placement) is { } placement ? HistoryOptionsParser.ParsePlacement(placement) : null,
            CheckpointEvery = parse.GetValue(_checkpointEvery) is { } checkpointEvery ? HistoryOptionsParser.Duration("--checkpoint-every", checkpointEvery) : null,
        };
    }

    private static int ParseWorkers(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : throw new UsageException($"--cluster-workers '{text}' must be a whole number of worker nodes, at least 1.");

    private static string Lower(object value) => value.ToString()!.ToLowerInvariant();
}
