namespace ActorSim.Engine.Resources;

/// <summary>
/// SimPy's Resource: <see cref="Capacity"/> units shared by processes, granted in request order (FIFO).
/// A release is an event; the next waiting request is granted when that release is processed.
/// </summary>
public class Resource : ResourceBase<Request, Release>
{
    private readonly List<Request> _users = [];
    private long _sequence;

    /// <summary>Creates a resource with <paramref name="capacity"/> units.</summary>
    public Resource(Simulation simulation, int capacity = 1, string? name = null)
        : base(simulation)
    {
        if (capacity <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(capacity), capacity, $"Resource '{name}' needs a capacity of at least 1.");
        }

        Capacity = capacity;
        Name = name ?? GetType().Name;
    }

    /// <summary>The name used in errors.</summary>
    public string Name { get; }

    /// <summary>The number of units.</summary>
    public int Capacity { get; }

    /// <summary>The number of units in use.</summary>
    public int Count => _users.Count;

    /// <summary>The granted requests, in the order they were granted.</summary>
    public IReadOnlyList<Request> Users => _users;

    /// <summary>The waiting requests, in the order they will be served.</summary>
    public IReadOnlyList<Request> Queue => PutQueue;

    /// <summary>Requests a unit; yield the request to wait for it, dispose it to release.</summary>
    public virtual Request Request() => new(this);

    /// <summary>Releases the unit held by <paramref name="request"/> (what disposing the request does).</summary>
    public Release Release(Request request) => new(this, request);

    internal long NextSequence() => _sequence++;

    /// <summary>Removes a user without a release event (preemption).</summary>
    protected bool RemoveUser(Request request) => _users.Remove(request);

    /// <inheritdoc />
    protected override bool DoPut(Request put)
    {
        if (_users.Count < Capacity)
        {
            _users.Add(put);
            put.UsageSince = Simulation.Now;
            put.Succeed();
        }

        return false;
    }

    /// <inheritdoc />
    protected override bool DoGet(Release get)
    {
        _users.Remove(get.Request);
        get.Succeed();
        return false;
    }
}
