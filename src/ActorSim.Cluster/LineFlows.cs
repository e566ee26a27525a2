using ActorSim.Model.Plants;

namespace ActorSim.Cluster;

/// <summary>
/// The share of the items each line sends to each other line, read from the plant's model: every task that ends by
/// sending its item counts as one item, split over its links by their weights (<c>send_to: [{link, weight}]</c>).
/// Arrival rates are left out, since they may change while the model runs; the figure ranks links, it does not
/// forecast traffic.
/// </summary>
public static class LineFlows
{
    /// <summary>The flow between every two lines, both directions summed: <c>[a, b] == [b, a]</c>, zero on the diagonal.</summary>
    public static double[,] Between(PlantModel plant)
    {
        ArgumentNullException.ThrowIfNull(plant);
        var n = plant.Lines.Count;
        var flows = new double[n, n];
        for (var from = 0; from < n; from++)
        {
            foreach (var task in plant.Lines[from].Tasks)
            {
                var total = task.Sends.Sum(c => c.Weight);
                foreach (var choice in task.Sends)
                {
                    var to = plant.IndexOf(plant.Link(choice.Link).To);
                    if (to != from)
                    {
                        flows[from, to] += choice.Weight / total;
                        flows[to, from] += choice.Weight / total;
                    }
                }
            }
        }

        return flows;
    }

    /// <summary>
    /// Groups <paramref name="lines"/> (plant indexes) into groups of at most <paramref name="capacity"/> lines, joining
    /// first the two groups with the largest flow between a line of each (ties: the lower line indexes first), as long
    /// as the joined group fits. Groups come largest first, then by their first line. Deterministic.
    /// </summary>
    public static IReadOnlyList<int[]> Group(double[,] flows, IReadOnlyList<int> lines, int capacity)
    {
        ArgumentNullException.ThrowIfNull(flows);
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        var groupOf = lines.ToDictionary(l => l, l => new List<int> { l });
        var pairs = new List<(int A, int B, double Flow)>();
        for (var i = 0; i < lines.Count; i++)
        {
            for (var j = i + 1; j < lines.Count; j++)
            {
                var (a, b) = (Math.Min(lines[i], lines[j]), Math.Max(lines[i], lines[j]));
                if (flows[a, b] > 0)
                {
                    pairs.Add((a, b, flows[a, b]));
                }
            }
        }

        pairs.Sort((x, y) => y.Flow != x.Flow ? y.Flow.CompareTo(x.Flow) : x.A != y.A ? x.A.CompareTo(y.A) : x.B.CompareTo(y.B));
        foreach (var (a, b, _) in pairs)
        {
            var (ga, gb) = (groupOf[a], groupOf[b]);
            if (ReferenceEquals(ga, gb) || ga.Count + gb.Count > capacity)
            {
                continue;
            }

            ga.AddRange(gb);
            foreach (var line in gb)
            {
                groupOf[line] = ga;
            }
        }

        return groupOf.Values.Distinct().Select(g => g.Order().ToArray())
            .OrderByDescending(g => g.Length).ThenBy(g => g[0]).ToArray();
    }
}
