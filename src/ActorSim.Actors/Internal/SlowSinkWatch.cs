using System.Diagnostics;
using ActorSim.Egress.Reports;

namespace ActorSim.Actors.Internal;

/// <summary>
/// Tells a line which of its sinks hold it back. Per sink, a window of at most ten thresholds of wall time: a sink
/// whose <c>Publish</c> blocking grows by more than the threshold within it is slow (one warning), and its next window
/// starts there and is not judged before it is ten thresholds long (so a persistently slow sink warns about every ten
/// thresholds, with what it blocked meanwhile). Checked at the line's notes (progress and reports), so a sink that blocks a
/// little every round adds up as well as one that blocks through a long grant.
/// </summary>
internal sealed class SlowSinkWatch(TimeSpan threshold, long start)
{
    private readonly Dictionary<string, Window> _windows = new(StringComparer.Ordinal);
    private readonly long _windowTicks = (long)(threshold.TotalSeconds * 10 * Stopwatch.Frequency);

    /// <summary>The sinks to warn about at <paramref name="now"/> (a <see cref="Stopwatch"/> timestamp).</summary>
    public IReadOnlyList<SlowSink> Check(IReadOnlyList<SinkProgress> sinks, long now)
    {
        if (threshold <= TimeSpan.Zero)
        {
            return [];
        }

        List<SlowSink>? slow = null;
        foreach (var sink in sinks)
        {
            // Every sink's first window opens at the start, with nothing blocked.
            var window = _windows.GetValueOrDefault(sink.Sink, new Window(TimeSpan.Zero, start, Warned: false));
            var elapsed = now - window.Since;
            if (window.Warned && elapsed < _windowTicks)
            {
                continue;
            }

            var blocked = sink.PublishBlocked - window.Blocked;
            if (blocked > threshold)
            {
                (slow ??= []).Add(new SlowSink(sink, blocked, Stopwatch.GetElapsedTime(window.Since, now)));
                _windows[sink.Sink] = new Window(sink.PublishBlocked, now, Warned: true);
            }
            else if (elapsed >= _windowTicks)
            {
                _windows[sink.Sink] = new Window(sink.PublishBlocked, now, Warned: false);
            }
        }

        return slow ?? (IReadOnlyList<SlowSink>)[];
    }

    private readonly record struct Window(TimeSpan Blocked, long Since, bool Warned);
}
