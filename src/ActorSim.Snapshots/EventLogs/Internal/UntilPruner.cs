namespace ActorSim.Snapshots.EventLogs.Internal;

/// <summary>
/// Which chunks a time bound makes unnecessary, so they are never fetched. A writer's stream (one destination path,
/// e.g. <c>date=2026-01-02/events.parquet</c>) holds its records in time order across its numbered chunks, so once a
/// chunk of a stream reaches the bound its later chunks cannot hold an earlier record. A <c>date=</c> folder whose day
/// begins more than 14 hours (the widest UTC offset, for a local start's folders) after the run's start plus the bound is
/// skipped too; the start is the first record's timestamp minus its <c>sim_ts</c>, per run.
/// </summary>
internal sealed class UntilPruner(double until)
{
    private const long WidestOffset = 14 * TimeSpan.TicksPerHour;

    private readonly HashSet<string> _finishedStreams = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _startTicks = new(StringComparer.Ordinal);

    public bool Skips(ChunkFile chunk)
    {
        if (double.IsPositiveInfinity(until))
        {
            return false;
        }

        if (chunk.Stream is { } stream && _finishedStreams.Contains(StreamKey(chunk, stream)))
        {
            return true;
        }

        if (chunk.Day is { } day && _startTicks.TryGetValue(chunk.RunId ?? string.Empty, out var start))
        {
            var boundTicks = start + (until * TimeSpan.TicksPerSecond);
            return ((double)day * TimeSpan.TicksPerDay) - WidestOffset >= boundTicks;
        }

        return false;
    }

    /// <summary>Learns from a chunk just read: its first record's start, and whether it reached the bound.</summary>
    public void Observe(ChunkFile chunk, ReadOnlySpan<LoggedRecord> records, bool reachedUntil)
    {
        var run = chunk.RunId ?? string.Empty;
        if (!_startTicks.ContainsKey(run))
        {
            foreach (var r in records)
            {
                if (r.Timestamp is { } t)
                {
                    _startTicks[run] = t.Ticks - ((long)Math.Round(r.SimTime * 1000.0) * TimeSpan.TicksPerMillisecond);
                    break;
                }
            }
        }

        if (reachedUntil && chunk.Stream is { } stream)
        {
            _finishedStreams.Add(StreamKey(chunk, stream));
        }
    }

    private static string StreamKey(ChunkFile chunk, string stream) => chunk.RunId is null ? stream : chunk.RunId + "\n" + stream;
}
