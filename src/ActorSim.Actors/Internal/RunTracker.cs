using System.Diagnostics;
using ActorSim.Actors.Messages;

namespace ActorSim.Actors.Internal;

/// <summary>The coordinator's bookkeeping for <see cref="RunStats"/>: wall time, waiting time, and per-line counts.</summary>
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

    public double WallSeconds => _wall.Elapsed.TotalSeconds;

    public long ProcessedEvents => _events.Sum();

    public void Start() => _wall.Start();

    public void Granted(int line)
    {
        _grants[line]++;
        _waiting.Start();
    }

    public void Reported(LineReport report)
    {
        _events[report.Line] = report.ProcessedEvents;
        _sent[report.Line] += report.Sent.Count;
        _busy[report.Line] += report.BusySeconds;
    }

    public void RoundComplete() => _waiting.Stop();

    public void Progress(LineProgress progress) => _events[progress.Line] = progress.ProcessedEvents;

    public void Finished(LineFinished finished)
    {
        _events[finished.Line] = finished.ProcessedEvents;
        _sent[finished.Line] = finished.ItemsSent;
        _written[finished.Line] = finished.RecordsWritten;
        _egress[finished.Line] = finished.EgressSeconds;
    }

    public RunStats Stats(long rounds, long grants, long delivered)
    {
        _wall.Stop();
        var lines = new LineStats[simIds.Count];
        for (var i = 0; i < lines.Length; i++)
        {
            lines[i] = new LineStats(i, simIds[i], _grants[i], _events[i], _sent[i], _busy[i], _written[i], _egress[i]);
        }

        return new RunStats(rounds, grants, delivered, _wall.Elapsed.TotalSeconds, _waiting.Elapsed.TotalSeconds, parallelism, lines);
    }
}
