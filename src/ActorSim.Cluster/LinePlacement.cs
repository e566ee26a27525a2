using ActorSim.Model.Plants;
using Akka.Actor;

namespace ActorSim.Cluster;

/// <summary>
/// Where a plant's lines run on the cluster. Placement never changes a record (each line's stream, clock and grants
/// are its own): it decides only which node computes which line.
/// </summary>
public static class LinePlacement
{
    /// <summary>Spread evenly: line <c>i</c> (in the plant's order) on worker <c>i mod n</c>, workers in order of address.</summary>
    public static Address[] Spread(PlantModel plant, IReadOnlyList<Address> workers)
    {
        ArgumentNullException.ThrowIfNull(workers);
        return Place(plant, workers.Select(w => new PlacementNode(w, [])).ToArray(), new Dictionary<string, string>());
    }

    /// <summary>
    /// Lines pinned to a role (<paramref name="pins"/>, by sim id: a plant blueprint's <c>lines.&lt;sim_id&gt;.node</c>)
    /// spread evenly over the workers that have it; the other lines placed by <paramref name="rule"/> over every worker:
    /// spread evenly, as <see cref="Spread"/> does, or <see cref="PlacementRule.Together"/>: grouped by the items they
    /// exchange (<see cref="LineFlows"/>), at most as many on a worker as spreading puts on one, each group on the
    /// worker with the most room left (the fewest lines, pinned ones included; then in order of address), a group
    /// larger than that room split in plant order.
    /// </summary>
    /// <exception cref="ClusterRunException">A line is pinned to a role no worker has.</exception>
    public static Address[] Place(PlantModel plant, IReadOnlyList<PlacementNode> workers, IReadOnlyDictionary<string, string> pins, PlacementRule rule = PlacementRule.Spread)
    {
        ArgumentNullException.ThrowIfNull(plant);
        ArgumentNullException.ThrowIfNull(workers);
        ArgumentNullException.ThrowIfNull(pins);
        if (workers.Count == 0)
        {
            throw new ArgumentException("A plant's lines need at least one worker node to run on.", nameof(workers));
        }

        var ordered = workers.OrderBy(w => w.Address.ToString(), StringComparer.Ordinal).ToArray();
        var placed = new Address[plant.Lines.Count];
        var free = 0;
        var unpinned = new List<int>();
        var byRole = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < placed.Length; i++)
        {
            var simId = plant.Lines[i].SimId;
            if (!pins.TryGetValue(simId, out var role))
            {
                placed[i] = ordered[free++ % ordered.Length].Address;
                unpinned.Add(i);
                continue;
            }

            var able = ordered.Where(w => w.Roles.Contains(role)).ToArray();
            if (able.Length == 0)
            {
                throw new ClusterRunException(
                    $"line {simId} is pinned to worker nodes with role '{role}' (lines.{simId}.node), and no worker node up has it; " +
                    $"start one with `actorsim node --roles worker,{role} --seed-nodes ...`");
            }

            var k = byRole.GetValueOrDefault(role);
            byRole[role] = k + 1;
            placed[i] = able[k % able.Length].Address;
        }

        if (rule == PlacementRule.Together && ordered.Length > 1)
        {
            PlaceTogether(plant, ordered, placed, unpinned);
        }

        return placed;
    }

    /// <summary>Re-places the <paramref name="unpinned"/> lines in groups that exchange most items (<see cref="Place"/>).</summary>
    private static void PlaceTogether(PlantModel plant, PlacementNode[] ordered, Address[] placed, List<int> unpinned)
    {
        var capacity = (unpinned.Count + ordered.Length - 1) / ordered.Length;
        var room = new int[ordered.Length];
        var lines = new int[ordered.Length];
        Array.Fill(room, capacity);
        for (var i = 0; i < placed.Length; i++)
        {
            if (!unpinned.Contains(i))
            {
                lines[Array.FindIndex(ordered, w => w.Address == placed[i])]++;
            }
        }

        foreach (var group in LineFlows.Group(LineFlows.Between(plant), unpinned, capacity))
        {
            var pending = group.AsSpan();
            while (pending.Length > 0)
            {
                var best = -1;
                for (var w = 0; w < ordered.Length; w++)
                {
                    if (room[w] > 0 && (best < 0 || room[w] > room[best] || (room[w] == room[best] && lines[w] < lines[best])))
                    {
                        best = w;
                    }
                }

                var take = Math.Min(room[best], pending.Length);
                foreach (var line in pending[..take])
                {
                    placed[line] = ordered[best].Address;
                }

                room[best] -= take;
                lines[best] += take;
                pending = pending[take..];
            }
        }
    }
}
