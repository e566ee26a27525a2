using System.Diagnostics;
using ActorSim.Actors.Messages;

namespace ActorSim.Actors.Internal;

/// <summary>
/// The coordinator's bookkeeping for <see cref="ActorRunStats"/> and the progress log: wall time, waiting time, per-line
/// counts, and each line's egress as its last note said.
/// </summary>
internal sealed class RunTracker(IReadOnlyList<string> simIds, int parallelism)
{
    private readonly Stopwatch _wall = new();
    private readonly Stopwatch _waiting = new();
    private readonly long[] _grants = new long[simIds.Count];
    private readonly long[] _events = new long[simIds.Count];
    private readonly long[] _sent = new long[simIds.Count];
    private readonly double[] _busy = new double[simIds.Count];
    private readonly long[] _written = Enumerable.Repeat(-1L, simIds.Count).ToArray();
    private readonly double[] _egress = new double[simIds.Count];
    private readonly double[] _syncWait = new double[simIds.Count];
    private readonly double[] _egressBlocked = new double[simIds.Count];
    private readonly EgressStatus?[] _egressNow = new EgressStatus?[simIds.Count];
    private readonly (long At, long Events)[] _lastNote = new (long, long)[simIds.Count];

    public double WallSeconds => _wall.Elapsed.TotalSeconds;

    public long ProcessedEvents => _events.Sum();

    /// <summary>Records the lines' egress has written so far, from their last notes; -1 when no line has an egress pipeline.</summary>
    public long RecordsWritten => _egressNow.Any(e => e is not null) ? _egressNow.Sum(e => e?.RecordsWritten ?? 0) : -1;

    /// <summary>Batches waiting in the lines' sink queues, from their last notes.</summary>
    public int QueuedBatches => _egressNow.Sum(e => e?.QueuedBatches ?? 0);

    public void Start()
    {
        _wall.Start();
        Array.Fill(_lastNote, (Stopwatch.GetTimestamp(), 0L));
    }

    public void Granted(int line)
    {
        _grants[line]++;
        _waiting.Start();
    }

    public void Reported(GrantDone report)
    {
        _events[report.Line] = report.ProcessedEvents;
        _sent[report.Line] += report.Sent.Count;
        _busy[report.Line] += report.BusySeconds;
        _egressNow[report.Line] = report.Egress ?? _egressNow[report.Line];
        _lastNote[report.Line] = (Stopwatch.GetTimestamp(), report.ProcessedEvents);
    }

    public void RoundComplete() => _waiting.Stop();

    /// <summary>Takes a progress note; returns the line's events per wall second since its previous note.</summary>
    public double Progress(LineProgress progress)
    {
        var now = Stopwatch.GetTimestamp();
        var (at, events) = _lastNote[progress.Line];
        var seconds = Stopwatch.GetElapsedTime(at, now).TotalSeconds;
        _lastNote[progress.Line] = (now, progress.ProcessedEvents);
        _events[progress.Line] = progress.ProcessedEvents;
        _egressNow[progress.Line] = progress.Egress ?? _egressNow[progress.Line];
        return seconds > 0 ? (progress.ProcessedEvents - events) / seconds : 0;
    }

    public void Finished(LineFinished finished)
    {
        _events[finished.Line] = finished.ProcessedEvents;
        _sent[finished.Line] = finished.ItemsSent;
        _written[finished.Line] = finished.RecordsWritten;
        _egress[finished.Line] = finished.EgressSeconds;
        _syncWait[finished.Line] = finished.SyncWaitSeconds;
        _egressBlocked[finished.Line] = finished.EgressBlockedSeconds;
    }

    public ActorRunStats Stats(long rounds, long grants, long delivered)
    {
        _wall.Stop();
        var lines = new LineStats[simIds.Count];
        for (var i = 0; i < lines.Length; i++)
        {
            lines[i] = new LineStats(i, simIds[i], _grants[i], _events[i], _sent[i], _busy[i], _written[i], _egress[i], _syncWait[i], _egressBlocked[i]);
        }

        return new ActorRunStats(rounds, grants, delivered, _wall.Elapsed.TotalSeconds, _waiting.Elapsed.TotalSeconds, parallelism, lines);
    }
}
