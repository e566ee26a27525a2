using System.Collections;
using System.CommandLine;
using System.Globalization;
using ActorSim.Cli.CommandLine;
using ActorSim.Cli.History;
using ActorSim.Model.Time;
using ActorSim.Snapshots.Observed;

namespace ActorSim.Cli.Snapshot;

/// <summary><c>actorsim snapshot</c> for System.CommandLine: rebuild a model's state from an event log, check a snapshot file, print a model's fingerprint.</summary>
internal sealed class SnapshotCommand
{
    private const string Description =
        "Rebuild an observed snapshot of a model's state at an instant from its event log, check a snapshot file against a model, or print a model's fingerprint.";

    /// <summary>What the help shows after the options.</summary>
    public const string HelpSections = """
        Examples:
          actorsim snapshot --events data --at "8 hours" --out snap.json
          actorsim snapshot --model plant.yaml --events s3://lake/line-a --at 2026-03-01T14:00:00 --out s3://lake/snapshots/at-14h.json
          actorsim snapshot --model plant.yaml --check hand-written.json
          actorsim snapshot --model plant.yaml --fingerprint
          actorsim history --model plant.yaml --snapshot snap.json --duration "8 hours"

        The log is what 'actorsim history' writes (or any record stream in its format), JSONL or Parquet, flattened or
        not, in date= or line= folders or not; a destination's _manifest.json chooses its chunks. Records before the
        instant count: tasks queued and not started are queued, started and not finished are in service, items sent and
        not arrived are in transit; capacities come from the latest capacity telemetry or scenario change. A run from it
        draws each remaining service time given the time already spent. See docs/snapshots.md.

        Exit codes:
          0    written (or the file checked is valid)
          1    the log could not be read
          2    bad command line, or a log or snapshot that does not fit the model
        """;

    private readonly Option<string> _model = CliOption.Value("--model", "FILE", "The line or plant blueprint (default: the built-in Line_A).");

    private readonly Option<string> _events = CliOption.Value("--events", "DEST", "The event log: a folder or s3://bucket/prefix that a history run wrote.");

    private readonly Option<string> _at = CliOption.Value(
        "--at", "T", "The instant: a duration from the log's start ('8 hours', 'PT8H', '28800') or an ISO timestamp.", text => ParseAt(text));

    private readonly Option<string> _out = CliOption.Value("--out", "FILE", "Where the snapshot goes: a file or s3://bucket/key.");

    private readonly Option<string> _runId = CliOption.Value("--run-id", "ID", "Read only this run of a destination that holds several (--append).");

    private readonly Option<bool> _includeUnfinished = CliOption.Switch("--include-unfinished", "Also read runs the manifest says failed or were stopped.");

    private readonly Option<string> _check = CliOption.Value("--check", "FILE", "Check a snapshot file (or s3://bucket/key) against the model and say what is wrong.");

    private readonly Option<bool> _fingerprint = CliOption.Switch("--fingerprint", "Print the model's fingerprint, for a hand-written snapshot's model.fingerprint.");

    public SnapshotCommand()
    {
        Command = new Command("snapshot", Description) { _model, _events, _at, _out, _runId, _includeUnfinished, _check, _fingerprint };
        Command.Validators.Add(result =>
        {
            var modes = (result.GetValue(_events) is not null ? 1 : 0) + (result.GetValue(_check) is not null ? 1 : 0) + (result.GetValue(_fingerprint) ? 1 : 0);
            if (modes != 1)
            {
                result.AddError("Give one of --events (with --at and --out), --check FILE and --fingerprint.");
            }
            else if (result.GetValue(_events) is not null && (result.GetValue(_at) is null || result.GetValue(_out) is null))
            {
                result.AddError("--events needs --at (the instant) and --out (where the snapshot goes).");
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
        At = parse.GetValue(_at) is { } at ? ParseAt(at) : null,
        Out = parse.GetValue(_out),
        RunId = parse.GetValue(_runId),
        IncludeUnfinished = parse.GetValue(_includeUnfinished),
        Check = parse.GetValue(_check),
        Fingerprint = parse.GetValue(_fingerprint),
        S3 = HistoryOptionsParser.S3Options(environment),
    };

    private static EventLogInstant ParseAt(string text)
    {
        if (Durations.TryParseSeconds(text, out var seconds))
        {
            return seconds > 0 ? new EventLogInstant(seconds, null) : throw new UsageException($"--at '{text}' must be after the log's start.");
        }

        return DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at)
            ? new EventLogInstant(null, at.Kind == DateTimeKind.Local ? at.ToUniversalTime() : at)
            : throw new UsageException($"--at '{text}' is neither a duration from the log's start ('8 hours', 'PT8H', '28800') nor an ISO-8601 timestamp (2026-01-01T08:00:00).");
    }
}
