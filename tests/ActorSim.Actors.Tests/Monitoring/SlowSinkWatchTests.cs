using System.Diagnostics;
using ActorSim.Actors.Internal;
using ActorSim.Egress.Reports;

namespace ActorSim.Actors.Tests.Monitoring;

/// <summary>The slow-sink rule on its own, with wall time given by hand (threshold 1 s, so windows of 10 s).</summary>
public sealed class SlowSinkWatchTests
{
    private static readonly TimeSpan Threshold = TimeSpan.FromSeconds(1);

    [Fact]
    public void Slow_sink_watch_should_warn_when_a_sink_blocks_more_than_the_threshold_and_then_once_per_window()
    {
        var watch = new SlowSinkWatch(Threshold, At(0));

        Assert.Empty(watch.Check([Sink("a", 0.5), Sink("b", 0)], At(0.5)));
        var first = Assert.Single(watch.Check([Sink("a", 1.2), Sink("b", 0)], At(1)));
        Assert.Equal(("a", 1.2, 1.0), (first.Sink.Sink, Math.Round(first.Blocked.TotalSeconds, 6), Math.Round(first.Over.TotalSeconds, 6)));
        Assert.Empty(watch.Check([Sink("a", 5), Sink("b", 0.6)], At(5)));
        var second = Assert.Single(watch.Check([Sink("a", 10.5), Sink("b", 0.9)], At(11)));
        Assert.Equal(("a", 9.3, 10.0), (second.Sink.Sink, Math.Round(second.Blocked.TotalSeconds, 6), Math.Round(second.Over.TotalSeconds, 6)));
    }

    [Fact]
    public void Slow_sink_watch_should_not_add_up_short_blocks_spread_over_windows()
    {
        var watch = new SlowSinkWatch(Threshold, At(0));

        // 0.9 s in the first window, 0.6 s in the next: never more than a threshold within one window.
        Assert.Empty(watch.Check([Sink("b", 0.9)], At(10)));
        Assert.Empty(watch.Check([Sink("b", 1.5)], At(15)));
        Assert.Single(watch.Check([Sink("b", 2.0)], At(16)));
    }

    [Fact]
    public void Slow_sink_watch_should_stay_silent_when_turned_off()
    {
        var watch = new SlowSinkWatch(TimeSpan.Zero, At(0));

        Assert.Empty(watch.Check([Sink("a", 100)], At(1)));
    }

    private static SinkProgress Sink(string name, double blockedSeconds) => new(name, 0, 0, TimeSpan.FromSeconds(blockedSeconds));

    private static long At(double seconds) => (long)(seconds * Stopwatch.Frequency);
}
