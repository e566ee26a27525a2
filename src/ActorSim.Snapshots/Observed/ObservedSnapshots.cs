using System.Diagnostics;
using ActorSim.Egress.Storage;
using ActorSim.Model.Plants;
using ActorSim.Model.Snapshots;
using ActorSim.Snapshots.EventLogs;

namespace ActorSim.Snapshots.Observed;

/// <summary>Observed snapshots rebuilt from an event log in a store.</summary>
public static class ObservedSnapshots
{
    /// <summary>
    /// Rebuilds the state of <paramref name="plant"/> at <paramref name="at"/> from the event log under
    /// <paramref name="prefix"/> in <paramref name="store"/> (see <see cref="EventLogRebuild"/> and
    /// <see cref="EventLogReader.OpenAsync"/>). The log's logical start comes from its manifest, else from its first
    /// record with a timestamp; a timestamp instant counts from it.
    /// </summary>
    /// <exception cref="SnapshotException">A record does not fit the model, or the instant is outside the log's run.</exception>
    /// <exception cref="EventLogException">There is nothing to read, or a chunk is malformed (naming the file).</exception>
    public static async Task<EventLogRebuildResult> FromEventLogAsync(
        PlantModel plant, string modelName, IObjectStore store, string prefix, EventLogInstant at, EventLogOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(at);
        var clock = Stopwatch.StartNew();
        var reader = await EventLogReader.OpenAsync(store, prefix, options, cancellationToken).ConfigureAwait(false);
        var start = StartOf(reader.Selection) ?? await FirstStartAsync(reader, cancellationToken).ConfigureAwait(false);
        var seconds = at.Seconds ?? (start is { } s ? (at.Timestamp!.Value - s).TotalSeconds
            : throw new SnapshotException("The event log's records carry no timestamp and it has no manifest: give the instant as a duration from the start."));
        var rebuild = new EventLogRebuild(plant, modelName, seconds);
        await foreach (var chunk in reader.ReadChunksAsync(seconds, cancellationToken).ConfigureAwait(false))
        {
            var records = chunk.Records.Span;
            for (var i = 0; i < records.Length; i++)
            {
                rebuild.Add(in records[i]);
            }
        }

        var logStart = start ?? rebuild.LogStart ?? throw new SnapshotException("The event log's records carry no timestamp and it has no manifest: its logical start is unknown.");
        return new EventLogRebuildResult(rebuild.Build(logStart), reader.Selection, rebuild.RecordsRead, clock.Elapsed);
    }

    /// <summary>The start of the runs the manifest lists, when they agree.</summary>
    private static DateTime? StartOf(EventLogSelection selection)
    {
        var starts = selection.Runs.Select(r => r.Start).Distinct().ToArray();
        return starts.Length == 1 ? starts[0] : null;
    }

    /// <summary>timestamp − sim_ts of the first record that has a timestamp (Parquet's UTC comes back as a time without zone, as ActorSim writes its runs).</summary>
    private static async Task<DateTime?> FirstStartAsync(EventLogReader reader, CancellationToken cancellationToken)
    {
        await foreach (var record in reader.ReadAsync(double.PositiveInfinity, cancellationToken).ConfigureAwait(false))
        {
            if (record.Timestamp is { } timestamp)
            {
                var start = timestamp.AddTicks(-(long)Math.Round(record.SimTime * TimeSpan.TicksPerSecond));
                return start.Kind == DateTimeKind.Utc ? DateTime.SpecifyKind(start, DateTimeKind.Unspecified) : start;
            }
        }

        return null;
    }
}
