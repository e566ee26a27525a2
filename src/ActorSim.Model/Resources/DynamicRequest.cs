using System.Runtime.CompilerServices;
using ActorSim.Engine;

namespace ActorSim.Model.Resources;

/// <summary>
/// A request for one unit of a <see cref="DynamicResource"/>; succeeds when granted. Dispose it (a <c>using</c>)
/// to release the unit, or to withdraw the request while it waits — it then leaves no trace in the queue.
/// </summary>
public sealed class DynamicRequest : Event, IDisposable
{
    internal DynamicRequest(DynamicResource resource, int priority, bool pooled = false)
        : base(resource.Simulation)
    {
        Resource = resource;
        Priority = priority;
        RequestedAt = resource.Simulation.Now;
        Pooled = pooled;
    }

    /// <summary>The resource requested.</summary>
    public DynamicResource Resource { get; }

    /// <summary>The priority: lower numbers are served first; FIFO among equals.</summary>
    public int Priority { get; private set; }

    /// <summary>The simulated time of the request.</summary>
    public double RequestedAt { get; internal set; }

    /// <summary>The simulated time the unit was granted, or NaN while waiting.</summary>
    public double GrantedAt { get; internal set; } = double.NaN;

    internal RequestState State { get; set; }

    /// <summary>From the resource's pool (the line model's own requests): recycled once released and processed.</summary>
    internal bool Pooled { get; }

    /// <summary>Makes a released, processed pooled request a new waiting one.</summary>
    [MethodImpl(HotPath.Options)]
    internal void Reuse(int priority)
    {
        ResetProcessedForReuse();
        Priority = priority;
        RequestedAt = Simulation.Now;
        GrantedAt = double.NaN;
        State = RequestState.Waiting;
    }

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
