using System.Collections;
using System.Globalization;
using ActorSim.Blueprints;
using ActorSim.Cli.CommandLine;
using ActorSim.Cli.Progress;
using ActorSim.Egress;
using ActorSim.Egress.Destinations;
using ActorSim.Egress.Storage;
using ActorSim.Model.Time;
using ActorSim.Runs;

namespace ActorSim.Cli.History;

/// <summary>
/// Reads the values of <c>actorsim history</c>'s options (each refusal a <see cref="UsageException"/> naming the option,
/// the value and what to give instead) and the seed example's environment variables.
/// </summary>
internal static class HistoryOptionsParser
{
    /// <summary>Parses a start instant: ISO-8601 (a zone or Z makes it UTC; none keeps it as given) or <c>now</c>.</summary>
    public static DateTime ParseStart(string text)
    {
        if (string.Equals(text.Trim(), "now", StringComparison.OrdinalIgnoreCase))
        {
            return TruncateToMilliseconds(DateTime.Now);
        }

        if (DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var start))
        {
            if (start.Kind != DateTimeKind.Local)
            {
                return start;
            }

            // An offset: converted to UTC, which must still lie in year 1 to 9999 (DateTime would clamp it silently).
            if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var offset))
            {
                return offset.UtcDateTime;
            }
        }

        throw new UsageException(
            $"--start '{text}' is not an ISO-8601 instant from 0001-01-01T00:00:00 to {RunSpecResolver.LastTimestamp:yyyy-MM-ddTHH:mm:ss.fff} (UTC once an offset applies), " +
            "such as 2026-01-01T00:00:00 (or 'now').");
    }

    /// <summary>The default start of the reference job: now − 7 days, to the millisecond, without a zone (as dynamic-des).</summary>
    public static DateTime DefaultStart() => DateTime.SpecifyKind(TruncateToMilliseconds(DateTime.Now.AddDays(-7)), DateTimeKind.Unspecified);

    private static DateTime TruncateToMilliseconds(DateTime t) => new(t.Ticks - t.Ticks % TimeSpan.TicksPerMillisecond, t.Kind);

    /// <summary>The destination: <paramref name="dest"/> if given, else from <c>USE_S3</c> and <c>DEST_PATH</c>.</summary>
    public static string? Destination(string? dest, IDictionary environment) => dest ?? DestinationFromEnvironment(environment, UseS3(environment));

    /// <summary>Endpoint and credentials for s3:// destinations from the environment (with <c>USE_S3</c>'s defaults).</summary>
    public static S3StoreOptions S3Options(IDictionary environment) => S3Options(environment, UseS3(environment));

    private static bool UseS3(IDictionary environment) => string.Equals(Env(environment, "USE_S3"), "true", StringComparison.OrdinalIgnoreCase);

    private static string? DestinationFromEnvironment(IDictionary environment, bool useS3)
    {
        var destPath = Env(environment, "DEST_PATH");
        if (!useS3)
        {
            return destPath;
        }

        var bucketAndPrefix = (destPath ?? "dml-dev/history").Trim('/');
        return bucketAndPrefix.StartsWith("s3://", StringComparison.OrdinalIgnoreCase) ? bucketAndPrefix : "s3://" + bucketAndPrefix;
    }

    /// <summary>Endpoint and credentials from the environment; a malformed <c>S3_ENDPOINT</c> (or one holding credentials) is refused.</summary>
    private static S3StoreOptions S3Options(IDictionary environment, bool useS3)
    {
        var options = new S3StoreOptions
        {
            // The bucket is replaced by the destination's; this record carries endpoint and credentials.
            Bucket = "unset",
            Endpoint = Env(environment, "S3_ENDPOINT") ?? (useS3 ? "localhost:8333" : null),
            AccessKey = Env(environment, "S3_ACCESS_KEY") ?? (useS3 ? "user" : null),
            SecretKey = Env(environment, "S3_SECRET_KEY") ?? (useS3 ? "password" : null),
        };
        try
        {
            options.Validate();
        }
        catch (ArgumentException e)
        {
            throw new UsageException(e.Message);
        }

        return options;
    }

    private static string? Env(IDictionary environment, string name) =>
        environment[name] is string value && value.Length > 0 ? value : null;

    /// <summary>A duration above zero; <paramref name="allowZero"/> also takes 0 (--flush-interval 0: chunks cut by size only).</summary>
    public static double Duration(string option, string text, bool allowZero = false)
    {
        if (!Durations.TryParseSeconds(text, out var seconds))
        {
            throw new UsageException($"{option} '{text}' is not a duration: use e.g. '1 week', '2.5 hours', '30 mins', '86400' or ISO-8601 'PT8H'.");
        }

        if (allowZero ? !(seconds >= 0) : !(seconds > 0))
        {
            throw new UsageException(allowZero ? $"{option} '{text}' must be zero (no time limit) or longer." : $"{option} '{text}' must be longer than zero.");
        }

        if (option == "--stall-timeout" && seconds > SinkOptions.MaxStallTimeout.TotalSeconds)
        {
            throw new UsageException(string.Create(CultureInfo.InvariantCulture, $"{option} '{text}' is too long: a sink waits at most {SinkOptions.MaxStallTimeout.TotalSeconds:0.###} s (about 24.8 days)."));
        }

        return seconds;
    }

    /// <summary>
    /// Parses an instant of the run (<c>--snapshot-at</c>, <c>--go-live-at</c>): a duration from the logical start
    /// ('8 hours', 'PT8H', '28800'), an ISO-8601 timestamp, or <c>now</c>.
    /// </summary>
    public static RunInstant ParseInstant(string option, string text)
    {
        if (string.Equals(text.Trim(), "now", StringComparison.OrdinalIgnoreCase))
        {
            return new RunInstant(null, TruncateToMilliseconds(DateTime.Now));
        }

        if (Durations.TryParseSeconds(text, out var seconds))
        {
            return seconds > 0
                ? new RunInstant(seconds, null)
                : throw new UsageException($"{option} '{text}' must be after the start of the run.");
        }

        if (DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at))
        {
            return new RunInstant(null, at.Kind == DateTimeKind.Local && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var offset) ? offset.UtcDateTime : at);
        }

        throw new UsageException($"{option} '{text}' is neither a duration from the start ('8 hours', 'PT8H', '28800'), an ISO-8601 timestamp (2026-01-01T08:00:00) nor 'now'.");
    }

    /// <summary>Parses a seed: a whole number from 0 to <see cref="ulong.MaxValue"/>.</summary>
    public static ulong ParseSeed(string text) =>
        ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seed)
            ? seed
            : throw new UsageException($"--seed '{text}' is not a whole number from 0 to {ulong.MaxValue}.");

    /// <summary>Parses <c>parquet</c> or <c>jsonl</c>.</summary>
    public static ChunkFormat ParseFormat(string text) => text.Trim().ToLowerInvariant() switch
    {
        "parquet" => ChunkFormat.Parquet,
        "jsonl" => ChunkFormat.Jsonl,
        _ => throw new UsageException($"--format '{text}' is not known: use parquet or jsonl."),
    };

    /// <summary>Parses a batch size: records per chunk, 1 to <see cref="SinkOptions.MaxBatchSize"/>.</summary>
    public static int ParseBatchSize(string text)
    {
        if (text.Length == 0 || !text.All(char.IsAsciiDigit))
        {
            throw new UsageException($"--batch-size '{text}' must be a whole number of records from 1 to {SinkOptions.MaxBatchSize}.");
        }

        var digits = text.TrimStart('0');
        if (digits.Length == 0)
        {
            throw new UsageException($"--batch-size '{text}' must be a whole number of records, at least 1.");
        }

        return digits.Length <= 9 && int.Parse(digits, CultureInfo.InvariantCulture) is var size && size <= SinkOptions.MaxBatchSize
            ? size
            : throw new UsageException($"--batch-size '{text}' must be at most {SinkOptions.MaxBatchSize} records: a batch is held in memory whole, one per destination.");
    }

    /// <summary>Parses <c>reference</c>, <c>windowed</c> or <c>actors</c>.</summary>
    public static RunEngine ParseEngine(string text) => text.Trim().ToLowerInvariant() switch
    {
        "reference" => RunEngine.Reference,
        "windowed" => RunEngine.Windowed,
        "actors" => RunEngine.Actors,
        _ => throw new UsageException($"--engine '{text}' is not known: use reference, windowed or actors."),
    };

    /// <summary>Parses a cluster run's placement of the lines: spread or together.</summary>
    public static ActorSim.Cluster.PlacementRule ParsePlacement(string text) => text.Trim().ToLowerInvariant() switch
    {
        "spread" => ActorSim.Cluster.PlacementRule.Spread,
        "together" => ActorSim.Cluster.PlacementRule.Together,
        _ => throw new UsageException($"--placement '{text}' is not known: use spread (line i on worker i mod n) or together (the lines that exchange most items on one worker)."),
    };

    /// <summary>Parses a number of line threads, at least 1.</summary>
    public static int ParseParallelism(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : throw new UsageException($"--parallelism '{text}' must be a whole number of threads, at least 1.");

    /// <summary>Parses an Akka log level into its upper-case name.</summary>
    /// <summary>Reads the <c>--config</c> file laid over the embedded configuration; a file that cannot be read or holds a bad key is refused naming both.</summary>
    public static ActorSim.Actors.ActorRunnerSettings ParseConfig(string path)
    {
        try
        {
            return ActorSim.Actors.ActorRunnerSettings.FromFile(path);
        }
        catch (ArgumentException e)
        {
            throw new UsageException($"--config: {e.Message}");
        }
    }

    public static string ParseLogLevel(string text) => text.Trim().ToUpperInvariant() switch
    {
        "DEBUG" or "INFO" or "WARNING" or "ERROR" or "OFF" => text.Trim().ToUpperInvariant(),
        _ => throw new UsageException($"--log-level '{text}' is not known: use debug, info, warning, error or off."),
    };

    /// <summary>What to do with a destination that holds output: refuse, replace it (<c>--overwrite</c>) or add to it (<c>--append</c>).</summary>
    public static WriteMode ParseWriteMode(bool overwrite, bool append) => (overwrite, append) switch
    {
        (true, true) => throw new UsageException("--overwrite and --append exclude each other: replace the destination's output, or add this run beside it."),
        (true, false) => WriteMode.Overwrite,
        (false, true) => WriteMode.Append,
        _ => WriteMode.New,
    };

    /// <summary>Parses <c>auto</c>, <c>plain</c> or <c>none</c>.</summary>
    public static ProgressMode ParseProgress(string text) => text.Trim().ToLowerInvariant() switch
    {
        "auto" => ProgressMode.Auto,
        "plain" => ProgressMode.Plain,
        "none" => ProgressMode.None,
        _ => throw new UsageException($"--progress '{text}' is not known: use auto, plain or none."),
    };
}
