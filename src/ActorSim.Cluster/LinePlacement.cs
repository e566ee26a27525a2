using ActorSim.Model.Plants;
using Akka.Actor;

namespace ActorSim.Cluster;

/// <summary>
/// Where a plant's lines run on the cluster. Placement never changes a record (each line's stream, clock and grants
/// are its own): it decides only which node computes which line and how many items cross the network.
/// </summary>
public static class LinePlacement
{
    /// <summary>Spread evenly: line <c>i</c> (in the plant's order) on worker <c>i mod n</c>, workers in order of address.</summary>
    public static Address[] Spread(PlantModel plant, IReadOnlyList<Address> workers)
    {
        ArgumentNullException.ThrowIfNull(plant);
        ArgumentNullException.ThrowIfNull(workers);
        if (workers.Count == 0)
        {
            throw new ArgumentException("A plant's lines need at least one worker node to run on.", nameof(workers));
        }

        var ordered = workers.OrderBy(a => a.ToString(), StringComparer.Ordinal).ToArray();
        return Enumerable.Range(0, plant.Lines.Count).Select(i => ordered[i % ordered.Length]).ToArray();
    }
}
