namespace ActorSim.Engine.Resources;

/// <summary>
/// A request for one unit of a <see cref="Resource"/>; succeeds when granted. Dispose it (a <c>using</c>) to
/// release the unit, or to withdraw the request if it was not granted yet — it then leaves no trace in the queue.
/// </summary>
public class Request : Event, IDisposable
{
    private bool _disposed;

    internal Request(Resource resource, int priority = 0, bool preempt = false)
        : base(resource.Simulation)
    {
        Resource = resource;
        Priority = priority;
        Preempt = preempt;
        RequestedAt = resource.Simulation.Now;
        Owner = resource.Simulation.ActiveProcess;
        Sequence = resource.NextSequence();
        resource.EnqueuePut(this);
    }

    /// <summary>The resource requested.</summary>
    public Resource Resource { get; }

    /// <summary>The priority: lower numbers are served first (ignored by the plain FIFO <see cref="Resource"/>).</summary>
    public int Priority { get; }

    /// <summary>Whether the request may evict a lower-priority user (only on a <see cref="PreemptiveResource"/>).</summary>
    public bool Preempt { get; }

    /// <summary>The simulated time of the request.</summary>
    public double RequestedAt { get; }

    /// <summary>The simulated time the unit was granted, or NaN while waiting.</summary>
    public double UsageSince { get; internal set; } = double.NaN;

    /// <summary>The process that made the request (it is interrupted on preemption), or null.</summary>
    public Process? Owner { get; }

    internal long Sequence { get; }

    /// <summary>Releases the unit, or withdraws the request if it was not granted yet.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        GC.SuppressFinalize(this);
        if (IsTriggered)
        {
            Resource.Release(this);
        }
        else
        {
            Resource.CancelPut(this);
        }
    }

    private protected override string Describe() => $"Request for {Resource.Name}";
}
