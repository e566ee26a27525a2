namespace ActorSim.Model.Plants.Internal;

/// <summary>What a line started in a plant knows of it: its index, its outbox and the links it sends over.</summary>
internal sealed class PlantLineContext(int lineIndex, IItemOutbox outbox, IReadOnlyDictionary<string, OutboundLink> outbound)
{
    public int LineIndex { get; } = lineIndex;

    public IItemOutbox Outbox { get; } = outbox;

    public OutboundLink Outbound(string link) => outbound[link];
}
