using System.Text.Json.Serialization;
using ActorSim.Model.Snapshots;

namespace ActorSim.Runs;

/// <summary>
/// Everything that defines a run, as plain data that crosses process boundaries (<see cref="RunSpecJson"/>): the
/// model, seed, replication, logical start and duration, engine, and where its records go. It holds no live object:
/// every process that runs it, or a line of it, compiles it for itself (<see cref="RunCompiler"/>) with its own stores
/// and its own <see cref="ModelCatalog"/>. New parts of a run (a state snapshot to start from) join it as properties.
/// </summary>
public sealed record RunSpec
{
    /// <summary>The model to run.</summary>
    public required ModelSource Model { get; init; }

    /// <summary>The logical start: simulated time 0 is this instant (Unspecified kind for a time without zone).</summary>
    public required DateTime Start { get; init; }

    /// <summary>Simulated seconds to run, above 0.</summary>
    public required double DurationSeconds { get; init; }

    /// <summary>The run's seed (default 42).</summary>
    public ulong Seed { get; init; } = 42;

    /// <summary>Which replication of the run this is, 0 or more; see <see cref="ReplicationSeeds"/>.</summary>
    public int Replication { get; init; }

    /// <summary>The runner (default the actors).</summary>
    public RunEngine Engine { get; init; } = RunEngine.Actors;

    /// <summary>Line threads for the windowed and actor engines, 1 or more.</summary>
    public int Parallelism { get; init; } = 1;

    /// <summary>Simulated seconds per wall-clock second; 0 runs as fast as possible.</summary>
    public double Factor { get; init; }

    /// <summary>Where records go, one entry per sink; every line writes through each of them.</summary>
    public required IReadOnlyList<SinkSpec> Sinks { get; init; }

    /// <summary>Where each line's chunks go under a sink's destination.</summary>
    public LineLayout Layout { get; init; } = LineLayout.Single;

    /// <summary>What the run may do with a destination that already holds files (default: only an empty one is written to).</summary>
    public ActorSim.Egress.Destinations.WriteMode WriteMode { get; init; }

    /// <summary>
    /// The state to start from: the run starts at the snapshot's instant (simulated time and timestamps go on from
    /// there) and runs <see cref="DurationSeconds"/> further. Null: the model starts empty at simulated time 0.
    /// </summary>
    [JsonConverter(typeof(SnapshotJson.Converter))]
    public ModelSnapshot? Snapshot { get; init; }

    /// <summary>Simulated seconds from <see cref="Start"/> at which to write an exact snapshot to <see cref="SnapshotOut"/>; the run goes on.</summary>
    public double? SnapshotAt { get; init; }

    /// <summary>Simulated seconds between exact snapshots from the run's start on, written into <see cref="SnapshotOut"/> as <c>snapshot_&lt;timestamp&gt;.json</c>.</summary>
    public double? SnapshotEvery { get; init; }

    /// <summary>
    /// Backfill, then live: simulated seconds from <see cref="Start"/> until which the run goes as fast as possible; it
    /// follows the wall clock at <see cref="Factor"/> after it. Null: paced from the start (when the factor is above 0).
    /// </summary>
    public double? GoLiveAt { get; init; }

    /// <summary>
    /// Where snapshots go: for <see cref="SnapshotAt"/> a file path or <c>s3://bucket/key</c>; for
    /// <see cref="SnapshotEvery"/> a folder or <c>s3://bucket/prefix</c>.
    /// </summary>
    public string? SnapshotOut { get; init; }

    /// <summary>Simulated seconds from <see cref="Start"/> at which the run starts: the snapshot's instant, or 0.</summary>
    public double StartsAt => Snapshot?.AsOf ?? 0;

    /// <summary>Simulated seconds from <see cref="Start"/> at which the run ends.</summary>
    public double EndsAt => StartsAt + DurationSeconds;

    /// <summary>The instants of the snapshots to take, increasing: <see cref="SnapshotAt"/>, or every <see cref="SnapshotEvery"/> to the end.</summary>
    public IReadOnlyList<double> SnapshotTimes()
    {
        if (SnapshotAt is { } at)
        {
            return [at];
        }

        var times = new List<double>();
        for (var k = 1; SnapshotEvery is { } every && StartsAt + (k * every) <= EndsAt; k++)
        {
            times.Add(StartsAt + (k * every));
        }

        return times;
    }

    /// <summary>Where the snapshot taken at <paramref name="at"/> goes: <see cref="SnapshotOut"/>, or a file named for its instant in it.</summary>
    public string SnapshotLocation(double at) => SnapshotEvery is null
        ? SnapshotOut!
        : $"{SnapshotOut!.TrimEnd('/')}/snapshot_{ActorSim.Engine.SimTime.ToInstant(Start, at).ToString("yyyy-MM-dd'T'HHmmss.fff", System.Globalization.CultureInfo.InvariantCulture)}.json";

    /// <summary>The seed the lines' random streams derive from: <see cref="Seed"/> for replication 0.</summary>
    public ulong RunSeed => ReplicationSeeds.For(Seed, Replication);

    /// <summary>The distinct destinations of <see cref="Sinks"/>, in first-use order.</summary>
    public IReadOnlyList<string> Destinations => Sinks.Select(s => s.Destination).Distinct(StringComparer.Ordinal).ToArray();

    /// <summary>Throws a <see cref="RunSpecException"/> naming the first value that cannot be run.</summary>
    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(Model, nameof(Model));
        Model.Validate();
        if (!(DurationSeconds > 0) || double.IsInfinity(DurationSeconds))
        {
            throw new RunSpecException($"The duration {DurationSeconds} s must be a finite number of simulated seconds above 0.");
        }

        if (Snapshot is not null && Snapshot.Start != Start)
        {
            throw new RunSpecException($"The run starts at {Start:yyyy-MM-ddTHH:mm:ss.fff} but its snapshot's run started at {Snapshot.Start:yyyy-MM-ddTHH:mm:ss.fff}: a run from a snapshot keeps the snapshot's logical start.");
        }

        if (SnapshotAt is { } at && (!(at > StartsAt) || at > EndsAt || double.IsInfinity(at)))
        {
            throw new RunSpecException(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"The snapshot time {at} s must lie after the run's first instant ({StartsAt} s) and not after its end ({EndsAt} s)."));
        }

        if (GoLiveAt is { } live && (double.IsNaN(live) || double.IsInfinity(live) || !(Factor > 0)))
        {
            throw new RunSpecException(Factor > 0
                ? $"The go-live instant {live} s must be a finite number of simulated seconds."
                : "go_live_at (--go-live-at) needs a factor above 0 (simulation.factor): it is when the run starts following the wall clock.");
        }

        if (SnapshotAt is not null && SnapshotEvery is not null)
        {
            throw new RunSpecException("--snapshot-at and --snapshot-every exclude each other: one snapshot into a file, or one every interval into a folder.");
        }

        if (SnapshotEvery is { } every && (!(every > 0) || double.IsInfinity(every)))
        {
            throw new RunSpecException($"The snapshot interval {every} s must be a finite number of simulated seconds above 0.");
        }

        if ((SnapshotAt is null && SnapshotEvery is null) != string.IsNullOrWhiteSpace(SnapshotOut))
        {
            throw new RunSpecException(string.IsNullOrWhiteSpace(SnapshotOut)
                ? "A snapshot time needs a destination to write it to (--snapshot-out)."
                : "A snapshot destination needs the time to take it (--snapshot-at or --snapshot-every).");
        }

        if (Replication < 0)
        {
            throw new RunSpecException($"The replication {Replication} must be 0 or more.");
        }

        if (Parallelism < 1)
        {
            throw new RunSpecException($"The parallelism {Parallelism} must be 1 or more line threads.");
        }

        if (!(Factor >= 0) || double.IsInfinity(Factor))
        {
            throw new RunSpecException($"The factor {Factor} must be 0 (as fast as possible) or a finite number of wall seconds per simulated second.");
        }

        if (Sinks is null || Sinks.Count == 0)
        {
            throw new RunSpecException("A run needs at least one sink.");
        }

        foreach (var sink in Sinks)
        {
            sink.Validate();
        }

        if (Sinks.Select(s => s.Name).Distinct(StringComparer.Ordinal).Count() != Sinks.Count)
        {
            throw new RunSpecException($"Sink names must differ: {string.Join(", ", Sinks.Select(s => s.Name))}.");
        }
    }
}
