using ActorSim.Model.Resources;

namespace ActorSim.Forecasts.Kpis;

/// <summary>
/// A resource's measures over a forecast's horizon, taken as it changes: the time averages of its queue and of its
/// utilization (units in use over capacity; 0 while the capacity is 0) and its longest queue. Allocation-free.
/// </summary>
internal sealed class ResourceKpis : IResourceObserver
{
    private double _from;
    private double _last;
    private int _inUse;
    private int _queue;
    private int _capacity;
    private double _queueArea;
    private double _utilizationArea;
    private int[] _thresholds = [];
    private double[] _crossedAfter = [];

    /// <summary>The longest queue seen.</summary>
    public int QueueMax { get; private set; }

    /// <summary>The queue length at the start.</summary>
    public int QueueAtStart { get; private set; }

    /// <summary>The queue length now.</summary>
    public int Queue => _queue;

    /// <summary>How many thresholds are watched.</summary>
    public int Watched => _thresholds.Length;

    /// <summary>Watches these queue thresholds (once, before the first replication).</summary>
    public void Watch(int[] thresholds)
    {
        _thresholds = thresholds;
        _crossedAfter = new double[thresholds.Length];
    }

    /// <summary>Seconds after the start at which the queue first grew above threshold <paramref name="index"/>; NaN when it did not.</summary>
    public double CrossedAfter(int index) => _crossedAfter[index];

    /// <summary>Starts measuring <paramref name="resource"/> at its state now.</summary>
    public void Start(DynamicResource resource)
    {
        _from = _last = resource.Simulation.Now;
        (_inUse, _queue, _capacity) = (resource.InUse, resource.QueueLength, resource.Capacity);
        (_queueArea, _utilizationArea) = (0, 0);
        QueueMax = QueueAtStart = _queue;
        Array.Fill(_crossedAfter, double.NaN);
        CheckThresholds(_from);
        resource.Observer = this;
    }

    public void Changed(DynamicResource resource)
    {
        Advance(resource.Simulation.Now);
        (_inUse, _queue, _capacity) = (resource.InUse, resource.QueueLength, resource.Capacity);
        if (_queue > QueueMax)
        {
            QueueMax = _queue;
            CheckThresholds(resource.Simulation.Now);
        }
    }

    /// <summary>The time-average queue length from the start to <paramref name="end"/>.</summary>
    public double QueueMean(double end)
    {
        Advance(end);
        return end > _from ? _queueArea / (end - _from) : _queue;
    }

    /// <summary>The time-average of in use over capacity from the start to <paramref name="end"/>.</summary>
    public double Utilization(double end)
    {
        Advance(end);
        return end > _from ? _utilizationArea / (end - _from) : Share();
    }

    private void Advance(double now)
    {
        var span = now - _last;
        if (span > 0)
        {
            _queueArea += _queue * span;
            _utilizationArea += Share() * span;
            _last = now;
        }
    }

    private void CheckThresholds(double now)
    {
        for (var i = 0; i < _thresholds.Length; i++)
        {
            if (_queue > _thresholds[i] && double.IsNaN(_crossedAfter[i]))
            {
                _crossedAfter[i] = now - _from;
            }
        }
    }

    private double Share() => _capacity > 0 ? (double)_inUse / _capacity : 0;
}
