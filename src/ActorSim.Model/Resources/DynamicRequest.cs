using ActorSim.Engine;

namespace ActorSim.Model.Resources;

/// <summary>
/// A request for one unit of a <see cref="DynamicResource"/>; succeeds when granted. Dispose it (a <c>using</c>)
/// to release the unit, or to withdraw the request while it waits — it then leaves no trace in the queue.
/// </summary>
public sealed class DynamicRequest : Event, IDisposable
{
    internal DynamicRequest(DynamicResource resource, int priority)
        : base(resource.Simulation)
    {
        Resource = resource;
        Priority = priority;
        RequestedAt = resource.Simulation.Now;
    }

    /// <summary>The resource requested.</summary>
    public DynamicResource Resource { get; }

    /// <summary>The priority: lower numbers are served first; FIFO among equals.</summary>
    public int Priority { get; }

    /// <summary>The simulated time of the request.</summary>
    public double RequestedAt { get; }

    /// <summary>The simulated time the unit was granted, or NaN while waiting.</summary>
    public double GrantedAt { get; internal set; } = double.NaN;

    internal RequestState State { get; set; }

    /// <summary>Releases the unit, or withdraws the request if it was not granted yet. Idempotent.</summary>
    public void Dispose() => Resource.Return(this);

    /// <summary>Where a request stands.</summary>
    internal enum RequestState : byte
    {
        Waiting,
        Granted,
        Done,
    }
}
