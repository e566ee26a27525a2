using System.Collections;
using System.CommandLine;
using System.Globalization;
using ActorSim.Cli.CommandLine;
using ActorSim.Cli.History;

namespace ActorSim.Cli.Forecast;

/// <summary><c>actorsim forecast</c> for System.CommandLine: many replications of a model from a snapshot, summarised with their intervals.</summary>
internal sealed class ForecastCommand
{
    private const string Description =
        "Run many replications of a model from a snapshot of its state (or from empty) for a horizon, and summarise each KPI with its 95 % interval and percentiles.";

    /// <summary>What the help shows after the options.</summary>
    public const string HelpSections = """
        Examples:
          actorsim forecast --snapshot snap.json --horizon "8 hours" --replications 1000
          actorsim forecast --model plant.yaml --snapshot postgresql://twin@db/plant --horizon "4 hours" --out forecast-14h

        Output:
          OUT/summary.json: the model, snapshot, horizon, replications and seed, and per KPI n, mean, std, ci95
          (Student t), half_width, p5, p50, p95, min and max; the console shows the same. OUT/replications.parquet:
          a row per replication and scenario, every KPI a column. OUT/bands.parquet: per series (<line>.wip,
          <line>.<resource>.queue, .in_use) and sampling time (every --band-step) the p5, p50, p95 and mean.
          OUT/forecast.png and .svg: a fan per resource's queue and the throughput's distribution. Replication i draws from
          streams derived from the seed and i alone: the same command writes the same bytes on any number of workers.
          KPIs: throughput, wip_end, wait_mean, wait_p95, cycle_mean (a plant's with its lines' ids in front), and per
          resource <line>.<resource>.utilization, .queue_mean, .queue_max, .queue_growth (and .first_queue_over_N per
          alert). --what-if (and each scenario of --scenarios FILE) runs the changed model on the same replication
          streams (common random numbers) and reports each KPI's paired difference with its 95 % interval. --target-precision runs batches of --replications until
          every --target-kpi is that precise (checked on the complete prefix, so the count never depends on workers).
          The verdict: per resource the share of replications its rule fired in, with a 95 % Wilson interval;
          a resource whose interval lies above one half is the bottleneck. --keep-records DEST writes each replication's
          records (the blueprint's egress, or history's default: events flattened into Parquet chunks) into
          DEST/replication=<i>/, with DEST/_manifest.json; what-if scenarios write none. See docs/forecasts.md.
          --cluster runs the replications (and the scenarios') on the worker nodes of an ActorSim cluster: the model and
          snapshot travel once per node, nodes pull batches of replications as their threads free up, a node lost midway
          has its unfinished batches run elsewhere, and the outputs are the same bytes; the end lists each worker's share.
          With --keep-records the workers write each replication's chunks straight into DEST (S3, or a folder every node
          sees at the same path; S3 endpoint and keys from each node's environment) and this process writes the manifest.
          See docs/cluster.md.

        Exit codes:
          0    done
          1    the forecast failed (on a cluster: no worker came, a node refused the job, or two nodes disagreed)
          2    bad command line, a snapshot that does not fit the model, or an OUT that holds a forecast (give --overwrite)
        """;

    private readonly Option<string> _model = CliOption.Value("--model", "FILE", "The line or plant blueprint (default: the built-in Line_A).");

    private readonly Option<string> _snapshot = CliOption.Value("--snapshot", "FILE", "The state to start from: a snapshot file, s3://bucket/key or postgresql://… (default: empty, at 0).");

    private readonly Option<string> _horizon = CliOption.Value(
        "--horizon", "D", "Simulated time ahead: '8 hours', 'PT8H', '28800' (default 8 hours).", text => HistoryOptionsParser.Duration("--horizon", text));

    private readonly Option<string> _replications = CliOption.Value("--replications", "N", "Replications, 1 or more (default 100).", text => ParseCount("--replications", text));

    private readonly Option<string> _seed = CliOption.Value("--seed", "N", "The forecast's seed (default 42).", text => HistoryOptionsParser.ParseSeed(text));

    private readonly Option<string> _parallelism = CliOption.Value("--parallelism", "N", "Workers, each running whole replications (default: one per core).", text => ParseCount("--parallelism", text));

    private readonly Option<string> _out = CliOption.Value("--out", "DIR", "The output folder (default forecast).");

    private readonly Option<string[]> _alert = new("--alert")
    {
        HelpName = "RULE",
        Description = "A queue alert, <line>.<resource>.queue>N (repeatable): the verdict gives the share of replications whose queue crosses it. "
            + "A resource without one is judged by the default rule: its queue grows through the horizon or its utilization passes 95 %.",
        AllowMultipleArgumentsPerToken = false,
    };

    private readonly Option<bool> _overwrite = CliOption.Switch("--overwrite", "Replace the forecast OUT holds (and the records --keep-records DEST holds).");

    private readonly Option<string> _progress = CliOption.Value(
        "--progress", "P", "plain (a line on standard error every 5 s: replications done, rate, time left) | none (default plain).",
        text => ParseProgress(text));

    private readonly Option<string> _keepRecords = CliOption.Value(
        "--keep-records", "DEST", "Also write each replication's records, as history does, into DEST/replication=<i>/ (a folder or s3://bucket/prefix), with a manifest.");

    private readonly Option<string[]> _whatIf = new("--what-if")
    {
        HelpName = "CHANGE",
        Description = "A what-if change, <registry path>=<value>[@<time after the start>] (repeatable; all together make one scenario), "
            + "run on the baseline's random streams and reported as paired differences.",
        AllowMultipleArgumentsPerToken = false,
    };

    private readonly Option<string> _scenarios = CliOption.Value(
        "--scenarios", "FILE", "Named what-if scenarios from a YAML file (scenarios: {name: [changes]}), each compared with the baseline on the same replications.");

    private readonly Option<string> _targetPrecision = CliOption.Value(
        "--target-precision", "P", "Add replications (in batches of --replications) until each --target-kpi's 95 % half-width is within P of its mean ('5%' or 0.05).",
        text => ParsePrecision(text));

    private readonly Option<string> _targetKpi = CliOption.Value("--target-kpi", "KPIS", "The KPIs --target-precision checks, comma-separated (default throughput,wait_mean).");

    private readonly Option<string> _maxReplications = CliOption.Value(
        "--max-replications", "N", "The most replications --target-precision runs (default 10,000).", text => ParseCount("--max-replications", text));

    private readonly Option<string> _bandStep = CliOption.Value(
        "--band-step", "D", "Simulated time between the samples of bands.parquet (default: the horizon / 96).", text => HistoryOptionsParser.Duration("--band-step", text));

    private readonly Option<string> _cluster = CliOption.Value(
        "--cluster", "HOST:PORT,…", "Run the replications on an ActorSim cluster's worker nodes (actorsim node), joining it through these seed nodes as a client; "
        + "the outputs are the same bytes as a local run's. --parallelism is then the workers' business.", text => Node.NodeCommand.Seeds(text));

    private readonly Option<string> _clusterHost = CliOption.Value(
        "--cluster-host", "H", "The host name or IP this process binds as the cluster's client; the workers connect back to it (default 127.0.0.1).");

    private readonly Option<string> _clusterConfig = CliOption.Value(
        "--cluster-config", "FILE", "A HOCON file laid over the client's embedded cluster-config/cluster-node.conf (failure detector, actorsim.cluster.forecast.*: batch size, lease timeout, worker wait).");

    public ForecastCommand()
    {
        Command = new Command("forecast", Description) { _model, _snapshot, _horizon, _replications, _seed, _parallelism, _alert, _whatIf, _scenarios, _targetPrecision, _targetKpi, _maxReplications, _bandStep, _keepRecords, _progress, _cluster, _clusterHost, _clusterConfig, _out, _overwrite };
        _whatIf.Validators.Add(result =>
        {
            foreach (var text in result.GetValueOrDefault<string[]>() ?? [])
            {
                try
                {
                    ActorSim.Forecasts.WhatIfChange.Parse(text);
                }
                catch (ArgumentException e)
                {
                    result.AddError($"--what-if {e.Message.Split(" (Parameter", 2)[0]}");
                }
            }
        });
        _alert.Validators.Add(result =>
        {
            foreach (var text in result.GetValueOrDefault<string[]>() ?? [])
            {
                try
                {
                    ActorSim.Forecasts.QueueAlert.Parse(text);
                }
                catch (ArgumentException e)
                {
                    result.AddError($"--alert {e.Message.Split(" (Parameter", 2)[0]}");
                }
            }
        });
    }

    /// <summary>The command; its action is set by whoever runs it.</summary>
    public Command Command { get; }

    /// <summary>The options of a successful parse, with the S3 settings the environment supplies.</summary>
    public ForecastOptions Read(ParseResult parse, IDictionary environment)
    {
        var defaults = new ForecastOptions();
        return new ForecastOptions
        {
            ModelPath = parse.GetValue(_model),
            Snapshot = parse.GetValue(_snapshot),
            HorizonSeconds = parse.GetValue(_horizon) is { } horizon ? HistoryOptionsParser.Duration("--horizon", horizon) : defaults.HorizonSeconds,
            Replications = parse.GetValue(_replications) is { } replications ? ParseCount("--replications", replications) : defaults.Replications,
            Seed = parse.GetValue(_seed) is { } seed ? HistoryOptionsParser.ParseSeed(seed) : defaults.Seed,
            Parallelism = parse.GetValue(_parallelism) is { } parallelism ? ParseCount("--parallelism", parallelism) : defaults.Parallelism,
            Out = parse.GetValue(_out) ?? defaults.Out,
            BandStep = parse.GetValue(_bandStep) is { } step ? HistoryOptionsParser.Duration("--band-step", step) : 0,
            Alerts = (parse.GetValue(_alert) ?? []).Select(ActorSim.Forecasts.QueueAlert.Parse).ToArray(),
            Scenarios = Scenarios(parse.GetValue(_whatIf) ?? [], parse.GetValue(_scenarios)),
            Precision = parse.GetValue(_targetPrecision) is { } precision
                ? new ActorSim.Forecasts.PrecisionRule(
                    ParsePrecision(precision),
                    parse.GetValue(_targetKpi) is { } kpis ? kpis.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) : ActorSim.Forecasts.PrecisionRule.DefaultKpis,
                    parse.GetValue(_maxReplications) is { } most ? ParseCount("--max-replications", most) : 10_000)
                : null,
            Overwrite = parse.GetValue(_overwrite),
            KeepRecords = parse.GetValue(_keepRecords),
            Progress = parse.GetValue(_progress) is not { } progress || ParseProgress(progress),
            Cluster = parse.GetValue(_cluster) is { } cluster ? Node.NodeCommand.Seeds(cluster) : null,
            ClusterHost = parse.GetValue(_clusterHost),
            ClusterConfig = parse.GetValue(_clusterConfig),
            S3 = HistoryOptionsParser.S3Options(environment),
        };
    }

    private static IReadOnlyList<ActorSim.Forecasts.ForecastScenario> Scenarios(string[] whatIf, string? file)
    {
        var scenarios = new List<ActorSim.Forecasts.ForecastScenario>();
        if (whatIf.Length > 0)
        {
            scenarios.Add(new ActorSim.Forecasts.ForecastScenario("what-if", whatIf.Select(ActorSim.Forecasts.WhatIfChange.Parse).ToArray()));
        }

        if (file is not null)
        {
            scenarios.AddRange(ScenarioFile.Read(file));
        }

        if (scenarios.Select(s => s.Name).Distinct(StringComparer.Ordinal).Count() != scenarios.Count)
        {
            throw new UsageException($"--scenarios: scenario names must differ (--what-if's is 'what-if'): {string.Join(", ", scenarios.Select(s => s.Name))}.");
        }

        return scenarios;
    }

    private static double ParsePrecision(string text)
    {
        var trimmed = text.Trim();
        var percent = trimmed.EndsWith('%');
        return double.TryParse(percent ? trimmed[..^1] : trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value > 0 && double.IsFinite(value)
            ? (percent ? value / 100 : value)
            : throw new UsageException($"--target-precision '{text}' must be a share above 0 of the mean: '5%' or 0.05.");
    }

    private static bool ParseProgress(string text) => text.Trim().ToLowerInvariant() switch
    {
        "plain" or "auto" => true,
        "none" => false,
        _ => throw new UsageException($"--progress '{text}' is not known: use plain or none."),
    };

    private static int ParseCount(string option, string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : throw new UsageException($"{option} '{text}' must be a whole number, at least 1.");
}
