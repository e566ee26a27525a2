namespace ActorSim.Engine.Resources;

/// <summary>
/// SimPy's Container: a continuous amount (<see cref="Level"/>) between 0 and <see cref="Capacity"/>.
/// A put waits until the amount fits, a get until the amount is there; both queues are served in order,
/// and a blocked head blocks the ones behind it, as in SimPy.
/// </summary>
public class Container : ResourceBase<ContainerPut, ContainerGet>
{
    /// <summary>Creates a container holding <paramref name="initialLevel"/> of at most <paramref name="capacity"/>.</summary>
    /// <param name="simulation">The simulation the container lives in.</param>
    /// <param name="capacity">The most the container holds (default: unbounded).</param>
    /// <param name="initialLevel">The amount in the container at the start (default 0).</param>
    /// <param name="name">The name used in errors.</param>
    public Container(Simulation simulation, double capacity = double.PositiveInfinity, double initialLevel = 0, string? name = null)
        : base(simulation)
    {
        Name = name ?? GetType().Name;
        ValidateCapacity(capacity);
        if (!(initialLevel >= 0) || initialLevel > capacity)
        {
            throw new ArgumentOutOfRangeException(nameof(initialLevel), initialLevel,
                $"Container '{Name}' needs an initial level between 0 and its capacity {capacity}; {initialLevel} was given.");
        }

        Capacity = capacity;
        Level = initialLevel;
    }

    /// <summary>The name used in errors.</summary>
    public string Name { get; }

    /// <summary>The most the container holds (it may hold more for a while after <see cref="SetCapacity"/> shrank it).</summary>
    public double Capacity { get; private set; }

    /// <summary>The amount in the container now.</summary>
    public double Level { get; private set; }

    /// <summary>Puts <paramref name="amount"/> in; yield the event to wait until it fits, dispose it to withdraw it.</summary>
    public ContainerPut Put(double amount)
    {
        var put = new ContainerPut(this, CheckAmount(amount, nameof(amount)));
        EnqueuePut(put);
        return put;
    }

    /// <summary>Takes <paramref name="amount"/> out; yield the event to wait until it is there, dispose it to withdraw it.</summary>
    public ContainerGet Get(double amount)
    {
        var get = new ContainerGet(this, CheckAmount(amount, nameof(amount)));
        EnqueueGet(get);
        return get;
    }

    /// <summary>
    /// Changes the capacity at the current time. Growing it tries the waiting puts at once; shrinking it below
    /// <see cref="Level"/> keeps the contents and blocks puts until enough has been taken out.
    /// </summary>
    protected void SetCapacity(double capacity)
    {
        // A capacity may drop to 0 at run time (closed: puts wait); only a new container needs room.
        if (!(capacity >= 0))
        {
            throw new ArgumentOutOfRangeException(nameof(capacity), capacity, $"Container '{Name}' needs a capacity of 0 or more; {capacity} was given.");
        }

        Capacity = capacity;
        RetryPuts();
    }

    /// <inheritdoc />
    protected override bool DoPut(ContainerPut put)
    {
        if (Capacity - Level >= put.Amount)
        {
            Level += put.Amount;
            put.Succeed();
            return true;
        }

        return false;
    }

    /// <inheritdoc />
    protected override bool DoGet(ContainerGet get)
    {
        if (Level >= get.Amount)
        {
            Level -= get.Amount;
            get.Succeed();
            return true;
        }

        return false;
    }

    private void ValidateCapacity(double capacity)
    {
        if (!(capacity > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(capacity), capacity,
                $"Container '{Name}' needs a capacity greater than 0; {capacity} was given.");
        }
    }

    private double CheckAmount(double amount, string parameterName)
    {
        if (!(amount > 0) || double.IsInfinity(amount))
        {
            throw new ArgumentOutOfRangeException(parameterName, amount,
                $"Container '{Name}' can only put or get a positive, finite amount; {amount} was given.");
        }

        return amount;
    }
}
