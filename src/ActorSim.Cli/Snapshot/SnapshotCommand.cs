using System.Collections;
using System.CommandLine;
using System.Globalization;
using ActorSim.Cli.CommandLine;
using ActorSim.Cli.History;
using ActorSim.Model.Time;
using ActorSim.Snapshots.Observed;

namespace ActorSim.Cli.Snapshot;

/// <summary><c>actorsim snapshot</c> for System.CommandLine: rebuild a model's state from an event log or read it from a database, check a snapshot file, print a model's fingerprint.</summary>
internal sealed class SnapshotCommand
{
    private const string Description =
        "Rebuild an observed snapshot of a model's state at an instant from its event log or read it from a PostgreSQL database, check a snapshot file against a model, or print a model's fingerprint.";

    /// <summary>What the help shows after the options.</summary>
    public const string HelpSections = """
        Examples:
          actorsim snapshot --events data --at "8 hours" --out snap.json
          actorsim snapshot --model plant.yaml --events s3://lake/line-a --at 2026-03-01T14:00:00 --out s3://lake/snapshots/at-14h.json
          actorsim snapshot --model plant.yaml --from "postgresql://reader@db:5432/plant" --at now --out snap.json
          actorsim snapshot --model plant.yaml --check hand-written.json
          actorsim snapshot --model plant.yaml --fingerprint
          actorsim history --model plant.yaml --snapshot snap.json --duration "8 hours"

        The log is what 'actorsim history' writes (or any record stream in its format), JSONL or Parquet, flattened or
        not, in date= or line= folders or not; a destination's _manifest.json chooses its chunks. Records before the
        instant count: tasks queued and not started are queued, started and not finished are in service, items sent and
        not arrived are in transit; capacities come from the latest capacity telemetry or scenario change. A run from it
        draws each remaining service time given the time already spent. See docs/snapshots.md.

        A database (--from) holds the tasks in progress, parameter values and, optionally, resource capacities in the
        relations of docs/sql/actorsim-state.sql, or in views or queries the blueprint's state_source names; they are
        read in one read-only transaction at --at (now: the server's clock). Times count from --start, else the
        blueprint's simulation.start, else midnight (UTC) of the day of the earliest time read. The password (in the URI,
        or PGPASSWORD) is never printed.

        Exit codes:
          0    written (or the file checked is valid)
          1    the log or the database could not be read
          2    bad command line, or a log, database state or snapshot that does not fit the model
        """;

    private readonly Option<string> _model = CliOption.Value("--model", "FILE", "The line or plant blueprint (default: the built-in Line_A).");

    private readonly Option<string> _events = CliOption.Value("--events", "DEST", "The event log: a folder or s3://bucket/prefix that a history run wrote.");

    private readonly Option<string> _from = CliOption.Value(
        "--from", "DATABASE", "A PostgreSQL database holding the state: postgresql://user:password@host:port/db or key=value settings.");

    private readonly Option<string> _at = CliOption.Value(
        "--at", "T", "The instant: a duration from the log's start ('8 hours', 'PT8H', '28800'), an ISO timestamp, or with --from 'now' (the default there).",
        text => ParseAt(text));

    private readonly Option<string> _start = CliOption.Value(
        "--start", "T", "With --from: the run's logical start, ISO-8601 (default: the blueprint's simulation.start, else midnight UTC of the earliest time read).",
        text => HistoryOptionsParser.ParseStart(text));

    private readonly Option<string> _out = CliOption.Value("--out", "FILE", "Where the snapshot goes: a file or s3://bucket/key.");

    private readonly Option<string> _runId = CliOption.Value("--run-id", "ID", "Read only this run of a destination that holds several (--append).");

    private readonly Option<bool> _includeUnfinished = CliOption.Switch("--include-unfinished", "Also read runs the manifest says failed or were stopped.");

    private readonly Option<string> _check = CliOption.Value("--check", "FILE", "Check a snapshot file (or s3://bucket/key) against the model and say what is wrong.");

    private readonly Option<bool> _fingerprint = CliOption.Switch("--fingerprint", "Print the model's fingerprint, for a hand-written snapshot's model.fingerprint.");

    public SnapshotCommand()
    {
        Command = new Command("snapshot", Description) { _model, _events, _from, _at, _start, _out, _runId, _includeUnfinished, _check, _fingerprint };
        Command.Validators.Add(result =>
        {
            var modes = (result.GetValue(_events) is not null ? 1 : 0) + (result.GetValue(_from) is not null ? 1 : 0)
                + (result.GetValue(_check) is not null ? 1 : 0) + (result.GetValue(_fingerprint) ? 1 : 0);
            var at = result.GetValue(_at);
            if (modes != 1)
            {
                result.AddError("Give one of --events (with --at and --out), --from (with --out), --check FILE and --fingerprint.");
            }
            else if (result.GetValue(_events) is not null && (at is null || result.GetValue(_out) is null))
            {
                result.AddError("--events needs --at (the instant) and --out (where the snapshot goes).");
            }
            else if (result.GetValue(_events) is not null && IsNow(at))
            {
                result.AddError("--at now reads a database (--from); for an event log give a duration from its start or a timestamp.");
            }
            else if (result.GetValue(_from) is not null && result.GetValue(_out) is null)
            {
                result.AddError("--from needs --out (where the snapshot goes).");
            }
            else if (result.GetValue(_from) is not null && at is not null && Durations.TryParseSeconds(at, out _))
            {
                result.AddError($"--at '{at}': with --from, the instant is 'now' or an ISO timestamp (2026-03-01T14:00:00Z).");
            }
            else if (result.GetValue(_start) is not null && result.GetValue(_from) is null)
            {
                result.AddError("--start is for --from: an event log's start is its own.");
            }
        });
    }

    /// <summary>The command; its action is set by whoever runs it.</summary>
    public Command Command { get; }

    /// <summary>The options of a successful parse, with the S3 settings the environment supplies.</summary>
    public SnapshotOptions Read(ParseResult parse, IDictionary environment) => new()
    {
        ModelPath = parse.GetValue(_model),
        Events = parse.GetValue(_events),
        From = parse.GetValue(_from),
        At = parse.GetValue(_at) is { } at && !IsNow(at) ? ParseAt(at) : null,
        AtNow = parse.GetValue(_at) is { } now && IsNow(now),
        Start = parse.GetValue(_start) is { } start ? HistoryOptionsParser.ParseStart(start) : null,
        Out = parse.GetValue(_out),
        RunId = parse.GetValue(_runId),
        IncludeUnfinished = parse.GetValue(_includeUnfinished),
        Check = parse.GetValue(_check),
        Fingerprint = parse.GetValue(_fingerprint),
        S3 = HistoryOptionsParser.S3Options(environment),
    };

    private static bool IsNow(string? text) => string.Equals(text?.Trim(), "now", StringComparison.OrdinalIgnoreCase);

    private static EventLogInstant ParseAt(string text)
    {
        if (IsNow(text))
        {
            return new EventLogInstant(null, null);
        }

        if (Durations.TryParseSeconds(text, out var seconds))
        {
            return seconds > 0 ? new EventLogInstant(seconds, null) : throw new UsageException($"--at '{text}' must be after the log's start.");
        }

        return DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at)
            ? new EventLogInstant(null, at.Kind == DateTimeKind.Local ? at.ToUniversalTime() : at)
            : throw new UsageException($"--at '{text}' is neither a duration from the log's start ('8 hours', 'PT8H', '28800') nor an ISO-8601 timestamp (2026-01-01T08:00:00).");
    }
}
