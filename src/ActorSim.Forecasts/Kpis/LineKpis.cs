using ActorSim.Model.Building;

namespace ActorSim.Forecasts.Kpis;

/// <summary>
/// A line's task measures over a forecast's horizon: tasks finished, tasks in the line at the end, the waits of the steps
/// that started (mean and 95th percentile) and the cycle times of the tasks that entered and left within the horizon.
/// The waits' buffer grows once and is reused by the next replication.
/// </summary>
internal sealed class LineKpis : ILineObserver
{
    private readonly List<double> _waits = [];
    private double _cycleSum;
    private long _cycles;

    /// <summary>Tasks that finished their last step within the horizon.</summary>
    public long Throughput { get; private set; }

    /// <summary>Tasks in the line now.</summary>
    public long InLine { get; private set; }

    /// <summary>Starts measuring, with <paramref name="inProgress"/> tasks already in the line (a snapshot's).</summary>
    public void Start(Line line, long inProgress)
    {
        _waits.Clear();
        (_cycleSum, _cycles, Throughput, InLine) = (0, 0, 0, inProgress);
        line.Observer = this;
    }

    public void TaskEntered(double now) => InLine++;

    public void StepStarted(double now, double waited) => _waits.Add(waited);

    public void TaskLeft(double now, double cycle)
    {
        Throughput++;
        InLine--;
        if (!double.IsNaN(cycle))
        {
            _cycleSum += cycle;
            _cycles++;
        }
    }

    /// <summary>The mean wait of the steps that started (NaN when none did).</summary>
    public double WaitMean() => _waits.Count == 0 ? double.NaN : Sum(_waits) / _waits.Count;

    /// <summary>The 95th percentile of those waits (NaN when none did); reorders the buffer.</summary>
    public double WaitP95() => _waits.Count == 0
        ? double.NaN
        : Statistics.OrderStatistics.Percentile(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_waits), 0.95);

    /// <summary>The mean cycle time of the tasks that entered and left within the horizon (NaN when none did).</summary>
    public double CycleMean() => _cycles == 0 ? double.NaN : _cycleSum / _cycles;

    private static double Sum(List<double> values)
    {
        var sum = 0.0;
        foreach (var v in values)
        {
            sum += v;
        }

        return sum;
    }
}
