using System.Runtime.CompilerServices;
using ActorSim.Engine;
using ActorSim.Model.Parameters;
using ActorSim.Model.Registry;

namespace ActorSim.Model.Resources;

/// <summary>
/// A resource whose capacity follows the registry path <c>&lt;sim_id&gt;.resources.&lt;name&gt;.current_cap</c>.
/// Requests are served by priority (lower first), FIFO among equals. When the capacity grows, waiting requests
/// are granted at once; when it shrinks, work in progress finishes and no request starts until
/// <see cref="InUse"/> falls below the new capacity. <see cref="InUse"/>, <see cref="Capacity"/> and
/// <see cref="QueueLength"/> are always true, during a pending shrink too. A release grants the next request at the
/// same simulated time (its grant is scheduled as a normal event).
/// </summary>
public sealed class DynamicResource : IDisposable
{
    private readonly CapacityConfig _capacity;
    private readonly RequestQueue _queue = new();
    private readonly Stack<DynamicRequest> _pool = new();
    private readonly IDisposable _subscription;
    private int _inUse;

    /// <summary>Binds a resource to the capacity registered under <c>&lt;simId&gt;.resources.&lt;name&gt;</c>.</summary>
    public DynamicResource(Simulation simulation, ParameterRegistry registry, string simId, string name)
    {
        ArgumentNullException.ThrowIfNull(simulation);
        ArgumentNullException.ThrowIfNull(registry);
        Simulation = simulation;
        Name = name;
        Path = $"{simId}.resources.{name}";
        _capacity = registry.GetCapacity(Path);
        _subscription = registry.Subscribe($"{Path}.current_cap", _ =>
        {
            Observer?.Changed(this);
            GrantWhilePossible();
        });
    }

    /// <summary>The simulation the resource lives in.</summary>
    public Simulation Simulation { get; }

    /// <summary>The resource's name within its line.</summary>
    public string Name { get; }

    /// <summary>The registry prefix, <c>&lt;sim_id&gt;.resources.&lt;name&gt;</c>.</summary>
    public string Path { get; }

    /// <summary>The capacity in force (may be below <see cref="InUse"/> during a shrink).</summary>
    public int Capacity => (int)_capacity.CurrentCap;

    /// <summary>The largest capacity allowed.</summary>
    public int MaxCapacity => (int)_capacity.MaxCap;

    /// <summary>Units granted and not yet released.</summary>
    public int InUse => _inUse;

    /// <summary>Requests waiting (withdrawn ones excluded).</summary>
    public int QueueLength => _queue.Count;

    /// <summary>The waiting requests in service order (allocates).</summary>
    public IReadOnlyList<DynamicRequest> Queue => _queue.Snapshot();

    /// <summary>In-use as a percentage of capacity (0 when the capacity is 0).</summary>
    public double Utilization => Capacity > 0 ? 100.0 * _inUse / Capacity : 0;

    /// <summary>Sees every change of the units in use, the queue or the capacity (null: nobody).</summary>
    public IResourceObserver? Observer { get; set; }

    /// <summary>Requests a unit with a priority (lower first; dynamic-des's default is 1). Yield it to wait.</summary>
    public DynamicRequest Request(int priority = 1)
    {
        var request = new DynamicRequest(this, priority);
        _queue.Push(request);
        Observer?.Changed(this);
        GrantWhilePossible();
        return request;
    }

    /// <summary>
    /// <see cref="Request"/> for the line model's own task processes, which yield the request at once and dispose it
    /// exactly once: the request comes from a pool and returns to it when released. Same queueing and order.
    /// </summary>
    [MethodImpl(HotPath.Options)]
    internal DynamicRequest RequestPooled(int priority)
    {
        DynamicRequest request;
        if (_pool.Count > 0)
        {
            request = _pool.Pop();
            request.Reuse(priority);
        }
        else
        {
            request = new DynamicRequest(this, priority, pooled: true);
        }

        _queue.Push(request);
        Observer?.Changed(this);
        GrantWhilePossible();
        return request;
    }

    /// <summary>
    /// For a snapshot's restore: a pooled request of <paramref name="priority"/>, made at <paramref name="requestedAt"/>,
    /// that was granted at <paramref name="grantedAt"/> and taken by its task before the snapshot's instant (it holds a unit).
    /// </summary>
    internal DynamicRequest RestoreGranted(int priority, double requestedAt, double grantedAt)
    {
        var request = new DynamicRequest(this, priority, pooled: true)
        {
            RequestedAt = requestedAt,
            GrantedAt = grantedAt,
            State = DynamicRequest.RequestState.Granted,
        };
        request.MarkProcessed(request);
        _inUse++;
        return request;
    }

    /// <summary>
    /// For a snapshot's restore: a pooled request of <paramref name="priority"/>, made at <paramref name="requestedAt"/>,
    /// put at the back of its priority's queue without granting it (restore the queue in its order, then call
    /// <see cref="GrantRestored"/>).
    /// </summary>
    internal DynamicRequest RestoreWaiting(int priority, double requestedAt)
    {
        var request = new DynamicRequest(this, priority, pooled: true) { RequestedAt = requestedAt };
        _queue.Push(request);
        return request;
    }

    /// <summary>After a restore: grants the restored requests the capacity allows (none when the snapshot was consistent).</summary>
    internal void GrantRestored() => GrantWhilePossible();

    /// <summary>Stops following the registry.</summary>
    public void Dispose() => _subscription.Dispose();

    [MethodImpl(HotPath.Options)]
    internal void Return(DynamicRequest request)
    {
        switch (request.State)
        {
            case DynamicRequest.RequestState.Granted:
                request.State = DynamicRequest.RequestState.Done;
                _inUse--;
                Observer?.Changed(this);
                GrantWhilePossible();
                if (request.Pooled && request.IsProcessed)
                {
                    // Released after its holder resumed: nobody else refers to it (a withdrawn one may still sit in the queue).
                    _pool.Push(request);
                }

                break;
            case DynamicRequest.RequestState.Waiting:
                request.State = DynamicRequest.RequestState.Done;
                _queue.Withdraw();
                Observer?.Changed(this);
                break;
        }
    }

    [MethodImpl(HotPath.Options)]
    private void GrantWhilePossible()
    {
        while (_inUse < Capacity)
        {
            var next = _queue.PopWaiting();
            if (next is null)
            {
                return;
            }

            next.State = DynamicRequest.RequestState.Granted;
            next.GrantedAt = Simulation.Now;
            _inUse++;
            Observer?.Changed(this);
            next.Succeed(next);
        }
    }
}
