namespace ActorSim.Engine.Resources;

/// <summary>A get of an amount from a <see cref="Container"/>; succeeds when it is there. Dispose it to withdraw it while it waits.</summary>
public sealed class ContainerGet : Event, IDisposable
{
    internal ContainerGet(Container container, double amount)
        : base(container.Simulation)
    {
        Container = container;
        Amount = amount;
    }

    /// <summary>The container taken from.</summary>
    public Container Container { get; }

    /// <summary>The amount taken.</summary>
    public double Amount { get; }

    /// <summary>Withdraws the get if it has not been carried out yet; does nothing otherwise.</summary>
    public void Dispose() => Container.CancelGet(this);

    private protected override string Describe() => $"Get of {Amount} from {Container.Name}";
}
