using ActorSim.Egress.Storage;
using ActorSim.Snapshots.Observed;

namespace ActorSim.Cli.Snapshot;

/// <summary>What <c>actorsim snapshot</c> is asked to do, after the command line and environment are read.</summary>
internal sealed record SnapshotOptions
{
    /// <summary>The blueprint; null: the built-in Line_A.</summary>
    public string? ModelPath { get; init; }

    /// <summary>The event log to rebuild from (<c>--events</c>): a folder or <c>s3://bucket/prefix</c>.</summary>
    public string? Events { get; init; }

    /// <summary>The database to read the state from (<c>--from</c>): a <c>postgresql://</c> URI or key=value settings.</summary>
    public string? From { get; init; }

    /// <summary>The instant to rebuild at (<c>--at</c>); null with <see cref="AtNow"/> or when not given.</summary>
    public EventLogInstant? At { get; init; }

    /// <summary><c>--at now</c>: the database server's clock (with <see cref="From"/> only).</summary>
    public bool AtNow { get; init; }

    /// <summary>The run's logical start for a database's state (<c>--start</c>); null: the blueprint's, else midnight of the earliest time read.</summary>
    public DateTime? Start { get; init; }

    /// <summary>Where the snapshot goes (<c>--out</c>): a file or <c>s3://bucket/key</c>.</summary>
    public string? Out { get; init; }

    /// <summary>Read only this run of an appended destination (<c>--run-id</c>).</summary>
    public string? RunId { get; init; }

    /// <summary>Also read runs the manifest says failed or were stopped (<c>--include-unfinished</c>).</summary>
    public bool IncludeUnfinished { get; init; }

    /// <summary>A snapshot file to check against the model (<c>--check</c>).</summary>
    public string? Check { get; init; }

    /// <summary>Print the model's fingerprint (<c>--fingerprint</c>).</summary>
    public bool Fingerprint { get; init; }

    /// <summary>Endpoint and credentials for s3:// locations.</summary>
    public S3StoreOptions? S3 { get; init; }
}
