using System.Globalization;
using ActorSim.Engine;
using Akka.Configuration;

namespace ActorSim.Actors;

/// <summary>
/// The actor layer's settings, parsed from <c>actorsim.actors</c> (see the commented <c>cluster-config/actorsim.conf</c>, embedded);
/// immutable, changed with <c>with</c>. <see cref="ToConfig"/> renders the HOCON an <c>ActorSystem</c> starts from.
/// </summary>
public sealed record ActorRunnerSettings
{
    /// <summary>The dispatcher id line actors run on.</summary>
    public const string LineDispatcherId = "actorsim.actors.line-dispatcher";

    /// <summary>The dispatcher id egress actors run on: threads of their own, one per core.</summary>
    public const string EgressDispatcherId = "actorsim.actors.egress-dispatcher";

    /// <summary>The dispatcher id of the coordinator: a thread of its own.</summary>
    public const string CoordinatorDispatcherId = "actorsim.actors.coordinator-dispatcher";

    private static readonly string[] LogLevels = ["DEBUG", "INFO", "WARNING", "ERROR", "OFF"];

    /// <summary>Threads of the line dispatcher; 0 means one per core.</summary>
    public int Parallelism { get; init; }

    /// <summary>Wall-clock time a granted line may stay silent before the run fails naming it.</summary>
    public TimeSpan LineReportTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>When the coordinator grants: as lines report (<see cref="GrantMode.Eager"/>, the default) or in rounds.</summary>
    public GrantMode Grants { get; init; } = GrantMode.Eager;

    /// <summary>Simulated seconds between a line's progress notes during a long grant.</summary>
    public double ProgressInterval { get; init; } = 3600;

    /// <summary>
    /// Wall-clock time a line running a long grant keeps its thread, slice after slice, before it gives the thread to
    /// the next line (zero: after every slice). Each turn starts on caches another line has filled.
    /// </summary>
    public TimeSpan LineTurn { get; init; } = TimeSpan.FromMilliseconds(10);

    /// <summary>
    /// Lines on one node send each other their items straight, telling the coordinator only how many (default true);
    /// false sends every item through the coordinator. Runs that take snapshots always do. Changes no record.
    /// </summary>
    public bool DirectItems { get; init; } = true;

    /// <summary>Rounds between Info progress lines (every round is logged at Debug).</summary>
    public int LogEveryRounds { get; init; } = 1000;

    /// <summary>Akka log level (<c>DEBUG</c>, <c>INFO</c>, <c>WARNING</c>, <c>ERROR</c>, <c>OFF</c>), for either logger.</summary>
    public string LogLevel { get; init; } = "INFO";

    /// <summary>Where log events go: Akka's console logger (default) or Serilog's <c>Log.Logger</c> through Akka.Logger.Serilog.</summary>
    public ActorLogger Logger { get; init; } = ActorLogger.Console;

    /// <summary>
    /// A line logs a warning naming the sink when its <c>Publish</c> blocked on one sink's full queue for longer than
    /// this within ten times this much wall time (at most one warning per sink per such window); zero turns it off.
    /// </summary>
    public TimeSpan SlowSinkWarning { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Wall seconds per simulated second: 0 runs as fast as possible; 1.0 is real time. When paced, the coordinator
    /// grants no further than the wall clock allows (plus <see cref="PacingStep"/>) and each line publishes
    /// <c>system.simulation.lag_seconds</c> every simulated second.
    /// </summary>
    public double Factor { get; init; }

    /// <summary>
    /// Backfill, then live: with a <see cref="Factor"/> above 0, the run goes as fast as possible until this simulated
    /// time and follows the wall clock from it on (lines publish their lag from it on). Null: paced from the start.
    /// </summary>
    public double? GoLiveAt { get; init; }

    /// <summary>How far ahead of the wall clock, in simulated seconds, a paced grant may reach (default 1 s).</summary>
    public double PacingStep { get; init; } = 1.0;

    /// <summary>
    /// The calendar instant simulated time 0 stands for, named beside each simulated time in failure messages
    /// (<c>t=1d 11h10m41.438s (2026-01-02T11:10:41.438)</c>); null names the time alone. Changes no record.
    /// </summary>
    public DateTime? LogicalStart { get; init; }

    /// <summary>Serialize every message sent locally (<c>akka.actor.serialize-messages</c>): for tests.</summary>
    public bool SerializeMessages { get; init; }

    /// <summary>A simulated time for a message: <see cref="SimTime"/>'s form, with the instant when <see cref="LogicalStart"/> is set.</summary>
    public string FormatTime(double simulatedSeconds) =>
        LogicalStart is { } start ? SimTime.Format(simulatedSeconds, start) : SimTime.Format(simulatedSeconds);

    /// <summary>The threads the line dispatcher gets: <see cref="Parallelism"/>, or the core count for 0.</summary>
    public int EffectiveParallelism => Parallelism > 0 ? Parallelism : Environment.ProcessorCount;

    /// <summary>The reference configuration embedded in this assembly.</summary>
    public static Config Reference { get; } = LoadReference();

    /// <summary>The defaults of <c>cluster-config/actorsim.conf</c>.</summary>
    public static ActorRunnerSettings Default { get; } = FromConfig(Reference);

    /// <summary>
    /// The configuration the process's ActorSystem starts from, below the keys these settings render
    /// (<see cref="ToConfig"/>): the reference, or what <see cref="FromConfig"/> read laid over it.
    /// </summary>
    internal Config Source { get; init; } = Reference;

    /// <summary>Reads <c>actorsim.actors</c> from <paramref name="config"/> (falling back to the reference); errors name the key.</summary>
    public static ActorRunnerSettings FromConfig(Config config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var source = ReferenceEquals(config, Reference) ? config : config.WithFallback(Reference);
        var c = source.GetConfig("actorsim.actors");
        var settings = new ActorRunnerSettings
        {
            Source = source,
            Parallelism = Read(c, "parallelism", "a whole number of threads, 0 for one per core", k => c.GetInt(k)),
            Grants = ParseGrants(Read(c, "grants", "eager or rounds", k => c.GetString(k))),
            LineReportTimeout = Read(c, "line-report-timeout", "a duration such as 60s", k => c.GetTimeSpan(k)),
            ProgressInterval = Read(c, "progress-interval", "a number of simulated seconds", k => c.GetDouble(k)),
            LineTurn = DurationAt(c, "line-turn", "a duration such as 10ms, or 0 to give the thread back after every slice"),
            DirectItems = Read(c, "direct-items", "on or off", k => c.GetBoolean(k)),
            LogEveryRounds = Read(c, "log-every-rounds", "a whole number of rounds", k => c.GetInt(k)),
            LogLevel = Read(c, "log-level", "DEBUG, INFO, WARNING, ERROR or OFF", k => c.GetString(k)),
            Logger = ParseLogger(Read(c, "logger", "console or serilog", k => c.GetString(k))),
            SlowSinkWarning = DurationAt(c, "slow-sink-warning", "a duration such as 1s, or 0 for no warning"),
        };
        settings.Validate();
        return settings;
    }

    /// <summary>
    /// Reads the HOCON file at <paramref name="path"/> laid over the reference (<c>--config FILE</c>); a missing file,
    /// bad HOCON or a bad value throws an <see cref="ArgumentException"/> naming the file (and the key).
    /// </summary>
    public static ActorRunnerSettings FromFile(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ArgumentException($"The configuration file '{path}' cannot be read: {e.Message}", e);
        }

        Config config;
        try
        {
            config = ConfigurationFactory.ParseString(text);
        }
#pragma warning disable CA1031 // The HOCON parser throws several exception types; each means the file is not HOCON.
        catch (Exception e) when (e is not OutOfMemoryException)
#pragma warning restore CA1031
        {
            throw new ArgumentException($"The configuration file '{path}' is not valid HOCON: {e.Message}", e);
        }

        try
        {
            return FromConfig(config);
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException($"The configuration file '{path}': {e.Message}", e);
        }
    }

    /// <summary>Throws an <see cref="ArgumentException"/> naming the first bad setting and what it accepts.</summary>
    public void Validate()
    {
        Check(Parallelism >= 0, "parallelism", $"must be 0 (one thread per core) or a positive thread count; got {Parallelism}");
        Check(LineReportTimeout > TimeSpan.Zero, "line-report-timeout", $"must be a positive duration such as 60s; got {LineReportTimeout}");
        Check(ProgressInterval > 0 && double.IsFinite(ProgressInterval), "progress-interval",
            string.Create(CultureInfo.InvariantCulture, $"must be a positive number of simulated seconds; got {ProgressInterval}"));
        Check(LineTurn >= TimeSpan.Zero, "line-turn", $"must be a duration such as 10ms, or 0 to give the thread back after every slice; got {LineTurn}");
        Check(LogEveryRounds > 0, "log-every-rounds", $"must be at least 1; got {LogEveryRounds}");
        Check(LogLevels.Contains(LogLevel, StringComparer.Ordinal), "log-level", $"must be one of {string.Join(", ", LogLevels)}; got '{LogLevel}'");
        Check(Enum.IsDefined(Logger), "logger", $"must be console or serilog; got {Logger}");
        Check(Enum.IsDefined(Grants), "grants", $"must be eager or rounds; got {Grants}");
        Check(SlowSinkWarning >= TimeSpan.Zero, "slow-sink-warning", $"must be a positive duration such as 1s, or 0 for no warning; got {SlowSinkWarning}");
        Check(Factor >= 0 && double.IsFinite(Factor), "factor",
            string.Create(CultureInfo.InvariantCulture, $"must be 0 (unpaced) or a positive number of wall seconds per simulated second; got {Factor}"));
        Check(PacingStep > 0 && double.IsFinite(PacingStep), "pacing-step",
            string.Create(CultureInfo.InvariantCulture, $"must be a positive number of simulated seconds; got {PacingStep}"));
    }

    /// <summary>
    /// True when <paramref name="other"/> gives the same ActorSystem configuration (<see cref="ToConfig"/>): log level,
    /// logger, message serialization and line threads. The other settings only steer the actors.
    /// </summary>
    public bool StartsTheSameSystemAs(ActorRunnerSettings other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return string.Equals(LogLevel, other.LogLevel, StringComparison.OrdinalIgnoreCase) && Logger == other.Logger
            && SerializeMessages == other.SerializeMessages && Parallelism == other.Parallelism && ReferenceEquals(Source, other.Source);
    }

    /// <summary>The HOCON for an ActorSystem running a plant with these settings, over the reference configuration.</summary>
    public Config ToConfig()
    {
        Validate();
        var loggers = Logger == ActorLogger.Serilog ? "akka.loggers = [\"Akka.Logger.Serilog.SerilogLogger, Akka.Logger.Serilog\"]" : string.Empty;
        var hocon = string.Create(CultureInfo.InvariantCulture, $"""
            {loggers}
            akka.loglevel = {LogLevel}
            akka.stdout-loglevel = {LogLevel}
            akka.actor.serialize-messages = {(SerializeMessages ? "on" : "off")}
            akka.actor.serialize-creators = off
            actorsim.actors.parallelism = {Parallelism}
            actorsim.actors.line-dispatcher.dedicated-thread-pool.thread-count = {EffectiveParallelism}
            """);
        return ConfigurationFactory.ParseString(hocon).WithFallback(Source);
    }

    /// <summary>Reads <paramref name="key"/> of <c>actorsim.actors</c>; a value of the wrong kind names the key and what it takes.</summary>
    private static T Read<T>(Config c, string key, string takes, Func<string, T> get)
    {
        try
        {
            return get(key);
        }
        catch (Exception e) when (e is FormatException or OverflowException or ArgumentNullException or InvalidCastException or ConfigurationException)
        {
            throw new ArgumentException($"actorsim.actors.{key} must be {takes}; got '{c.GetValue(key)}'.", key, e);
        }
    }

    private static TimeSpan DurationAt(Config c, string key, string takes)
    {
        try
        {
            return c.GetTimeSpan(key, allowInfinite: false);
        }
        catch (FormatException)
        {
            throw new ArgumentException($"actorsim.actors.{key} must be {takes}; got '{c.GetString(key)}'.", key);
        }
    }

    private static GrantMode ParseGrants(string value) => value switch
    {
        _ when string.Equals(value, "eager", StringComparison.OrdinalIgnoreCase) => GrantMode.Eager,
        _ when string.Equals(value, "rounds", StringComparison.OrdinalIgnoreCase) => GrantMode.Rounds,
        _ => throw new ArgumentException(
            $"actorsim.actors.grants must be eager (grant lines as they report) or rounds (grant every line at once, next round when all reported); got '{value}'.",
            "grants"),
    };

    private static ActorLogger ParseLogger(string value) => value switch
    {
        _ when string.Equals(value, "console", StringComparison.OrdinalIgnoreCase) => ActorLogger.Console,
        _ when string.Equals(value, "serilog", StringComparison.OrdinalIgnoreCase) => ActorLogger.Serilog,
        _ => throw new ArgumentException(
            $"actorsim.actors.logger must be console (Akka's standard-out logger) or serilog (Serilog's Log.Logger through Akka.Logger.Serilog); got '{value}'.",
            "logger"),
    };

    private static void Check(bool ok, string key, string message)
    {
        if (!ok)
        {
            throw new ArgumentException($"actorsim.actors.{key} {message}.", key);
        }
    }

    private static Config LoadReference()
    {
        using var stream = typeof(ActorRunnerSettings).Assembly.GetManifestResourceStream("ActorSim.Actors.actorsim.conf")
            ?? throw new InvalidOperationException("The embedded resource cluster-config/actorsim.conf is missing from ActorSim.Actors.");
        using var reader = new StreamReader(stream);
        return ConfigurationFactory.ParseString(reader.ReadToEnd());
    }
}
