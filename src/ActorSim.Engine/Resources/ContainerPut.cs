namespace ActorSim.Engine.Resources;

/// <summary>A put of an amount into a <see cref="Container"/>; succeeds when it fits. Dispose it to withdraw it while it waits.</summary>
public sealed class ContainerPut : Event, IDisposable
{
    internal ContainerPut(Container container, double amount)
        : base(container.Simulation)
    {
        Container = container;
        Amount = amount;
    }

    /// <summary>The container put into.</summary>
    public Container Container { get; }

    /// <summary>The amount put.</summary>
    public double Amount { get; }

    /// <summary>Withdraws the put if it has not been carried out yet; does nothing otherwise.</summary>
    public void Dispose() => Container.CancelPut(this);

    private protected override string Describe() => $"Put of {Amount} into {Container.Name}";
}
