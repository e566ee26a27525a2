namespace ActorSim.Model.Plants.Internal;

/// <summary>The order in which items reach a line: by arrival time, then source line, then the source's sequence.</summary>
internal static class DeliveryOrder
{
    /// <summary>The order as a <see cref="Comparison{T}"/>, for sorting.</summary>
    public static readonly Comparison<ItemShipment> Comparison = Compare;

    /// <summary>Negative when <paramref name="a"/> arrives before <paramref name="b"/>, zero for the same item.</summary>
    public static int Compare(ItemShipment a, ItemShipment b)
    {
        var byTime = a.ArrivalTime.CompareTo(b.ArrivalTime);
        if (byTime != 0)
        {
            return byTime;
        }

        var bySource = a.SourceLine.CompareTo(b.SourceLine);
        return bySource != 0 ? bySource : a.Sequence.CompareTo(b.Sequence);
    }
}
