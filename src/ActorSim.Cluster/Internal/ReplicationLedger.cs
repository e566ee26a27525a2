using ActorSim.Forecasts;

namespace ActorSim.Cluster.Internal;

/// <summary>
/// The client's book of one forecast job, free of actors and threads: the queue of replication indices, the batches
/// leased to worker nodes, the outcomes kept by index, and who did what. Nodes pull (<see cref="Request"/>); a lost node's
/// or an expired lease's unfinished indices go back to the queue; a second outcome for an index must equal the kept one.
/// </summary>
internal sealed class ReplicationLedger(int maxBatch, TimeSpan leaseTimeout)
{
    private readonly SortedSet<int> _queue = [];
    private readonly Dictionary<long, Lease> _leases = [];
    private readonly Dictionary<int, (ReplicationOutcome Outcome, string Node)> _kept = [];
    private readonly Dictionary<string, Node> _nodes = new(StringComparer.Ordinal);
    private long _nextLease;
    private (int First, int Count)? _range;

    /// <summary>What became of a delivered outcome.</summary>
    public enum Delivery
    {
        /// <summary>The first outcome for its index: kept.</summary>
        Kept,

        /// <summary>An outcome for an index already kept, equal to it: ignored.</summary>
        Duplicate,

        /// <summary>An outcome for an index already kept that differs from it: the nodes disagree.</summary>
        Conflict,
    }

    /// <summary>Whether a range is open and not complete.</summary>
    public bool Open => _range is not null;

    /// <summary>Indices waiting to be handed out.</summary>
    public int Queued => _queue.Count;

    /// <summary>Nodes that may be given work now.</summary>
    public int ActiveNodes => _nodes.Values.Count(n => n.Usable);

    /// <summary>Opens replications <paramref name="first"/> … + <paramref name="count"/> − 1 (those not kept yet go to the queue); how many are kept already.</summary>
    public int OpenRange(int first, int count)
    {
        _range = (first, count);
        var kept = 0;
        for (var i = first; i < first + count; i++)
        {
            if (_kept.ContainsKey(i))
            {
                kept++;
            }
            else
            {
                _queue.Add(i);
            }
        }

        return kept;
    }

    /// <summary>Whether <paramref name="index"/> belongs to the open range.</summary>
    public bool InRange(int index) => _range is { } r && index >= r.First && index < r.First + r.Count;

    /// <summary>Closes the range without its outcomes (the caller stopped); leased batches still deliver.</summary>
    public void CancelRange()
    {
        _range = null;
        _queue.Clear();
    }

    /// <summary>The open range's outcomes in index order, once every one is kept; null before.</summary>
    public IReadOnlyList<ReplicationOutcome>? Completed()
    {
        if (_range is not { } range || Enumerable.Range(range.First, range.Count).Any(i => !_kept.ContainsKey(i)))
        {
            return null;
        }

        _range = null;
        return Enumerable.Range(range.First, range.Count).Select(i => _kept[i].Outcome).ToArray();
    }

    /// <summary>Node <paramref name="node"/> has <paramref name="slots"/> free threads, having received <paramref name="received"/> batches.</summary>
    public void Request(string node, int slots, long received)
    {
        var n = NodeOf(node);
        if (n.Lost is not null && !n.Reachable)
        {
            return;
        }

        n.Slots = Math.Max(n.Slots, slots);
        n.Parked = (int)Math.Max(0, slots - (n.Given - received));
    }

    /// <summary>The batches to send now: round by round one per node with a free slot, while the queue holds indices.</summary>
    public IReadOnlyList<(string Node, long LeaseId, int[] Indices)> Hand(DateTime now)
    {
        var batches = new List<(string, long, int[])>();
        if (_range is null)
        {
            return batches;
        }

        var slots = Math.Max(1, _nodes.Values.Where(n => n.Usable).Sum(n => n.Slots));
        var handed = true;
        while (_queue.Count > 0 && handed)
        {
            handed = false;
            foreach (var node in _nodes.Values.Where(n => n.Usable && n.Parked > 0))
            {
                if (_queue.Count == 0)
                {
                    break;
                }

                var size = (int)Math.Clamp(Math.Ceiling(_queue.Count / (4.0 * slots)), 1, maxBatch);
                var indices = _queue.Take(size).ToArray();
                foreach (var index in indices)
                {
                    _queue.Remove(index);
                }

                var lease = ++_nextLease;
                _leases[lease] = new Lease(node.Name, [.. indices], now + leaseTimeout);
                node.Parked--;
                node.Given++;
                node.Batches++;
                batches.Add((node.Name, lease, indices));
                handed = true;
            }
        }

        return batches;
    }

    /// <summary>Node <paramref name="node"/> sent replication <paramref name="index"/>'s outcome under lease <paramref name="leaseId"/>.</summary>
    public (Delivery Delivery, string? KeptFrom) Deliver(string node, long leaseId, int index, ReplicationOutcome outcome, DateTime now)
    {
        var n = NodeOf(node);
        if (_leases.TryGetValue(leaseId, out var own))
        {
            own.Deadline = now + leaseTimeout;
        }

        if (_kept.TryGetValue(index, out var kept))
        {
            if (!Same(kept.Outcome, outcome))
            {
                return (Delivery.Conflict, kept.Node);
            }

            n.Duplicates++;
            return (Delivery.Duplicate, kept.Node);
        }

        _kept[index] = (outcome, node);
        n.Replications++;
        _queue.Remove(index);
        foreach (var (id, lease) in _leases.ToArray())
        {
            if (lease.Remaining.Remove(index) && lease.Remaining.Count == 0)
            {
                _leases.Remove(id);
            }
        }

        return (Delivery.Kept, node);
    }

    /// <summary>
    /// Node <paramref name="node"/> is unreachable, left or removed: its unfinished indices go back to the queue; their
    /// count, or null when the node was gone for good already (leaving, exiting and removed each say so).
    /// </summary>
    public int? Lose(string node, string why, bool forGood)
    {
        var n = NodeOf(node);
        if (n.Gone)
        {
            return null;
        }

        n.Lost = why;
        n.Reachable = false;
        n.Gone |= forGood;
        n.Parked = 0;
        return Requeue(_leases.Where(l => l.Value.Node == node).Select(l => l.Key).ToArray());
    }

    /// <summary>Node <paramref name="node"/> is reachable again (it was not removed): it may take work once it asks.</summary>
    public bool Regain(string node)
    {
        var n = NodeOf(node);
        if (n.Gone || n.Reachable)
        {
            return false;
        }

        n.Reachable = true;
        n.Lost = null;
        return true;
    }

    /// <summary>Leases with no result for the lease timeout: their unfinished indices go back to the queue; per node the count.</summary>
    public IReadOnlyList<(string Node, long LeaseId, int Count)> Expire(DateTime now)
    {
        var expired = _leases.Where(l => l.Value.Deadline <= now).Select(l => (l.Value.Node, l.Key, l.Value.Remaining.Count)).ToArray();
        Requeue(expired.Select(e => e.Key).ToArray());
        return expired;
    }

    /// <summary>The open range's progress: replications kept and queued, and per node those it holds in leases (running or waiting there) and those of its kept.</summary>
    public string Progress()
    {
        var range = _range;
        var kept = range is { } r ? Enumerable.Range(r.First, r.Count).Count(_kept.ContainsKey) : 0;
        var nodes = _nodes.Values.OrderBy(n => n.Name, StringComparer.Ordinal)
            .Select(n => $"{n.Name} holds {_leases.Values.Where(l => l.Node == n.Name).Sum(l => l.Remaining.Count)}, did {n.Replications}{(n.Usable ? string.Empty : " (lost)")}");
        return $"{kept} of {range?.Count ?? 0} kept, {_queue.Count} queued; {string.Join("; ", nodes)}";
    }

    /// <summary>Who did what, by node.</summary>
    public IReadOnlyList<NodeShare> Shares() =>
        _nodes.Values.OrderBy(n => n.Name, StringComparer.Ordinal).Select(n => new NodeShare(n.Name, n.Batches, n.Replications, n.Duplicates, n.Requeued, n.Lost)).ToArray();

    /// <summary>Bit for bit: NaN (an undefined KPI) equals NaN.</summary>
    internal static bool Same(ReplicationOutcome a, ReplicationOutcome b) =>
        Bits(a.Row, b.Row) && Bits(a.Samples, b.Samples);

    private static bool Bits(double[] a, double[] b) =>
        a.Length == b.Length && a.Select(BitConverter.DoubleToInt64Bits).SequenceEqual(b.Select(BitConverter.DoubleToInt64Bits));

    private int Requeue(long[] leaseIds)
    {
        var count = 0;
        foreach (var id in leaseIds)
        {
            if (_leases.Remove(id, out var lease))
            {
                NodeOf(lease.Node).Requeued += lease.Remaining.Count;
                count += lease.Remaining.Count;
                if (_range is not null)
                {
                    _queue.UnionWith(lease.Remaining.Where(i => !_kept.ContainsKey(i)));
                }
            }
        }

        return count;
    }

    private Node NodeOf(string name)
    {
        if (!_nodes.TryGetValue(name, out var node))
        {
            _nodes[name] = node = new Node(name);
        }

        return node;
    }

    private sealed class Lease(string node, HashSet<int> remaining, DateTime deadline)
    {
        public string Node { get; } = node;

        public HashSet<int> Remaining { get; } = remaining;

        public DateTime Deadline { get; set; } = deadline;
    }

    private sealed class Node(string name)
    {
        public string Name { get; } = name;

        public int Slots { get; set; }

        public int Parked { get; set; }

        public long Given { get; set; }

        public int Batches { get; set; }

        public int Replications { get; set; }

        public int Duplicates { get; set; }

        public int Requeued { get; set; }

        public bool Reachable { get; set; } = true;

        public bool Gone { get; set; }

        public string? Lost { get; set; }

        public bool Usable => Reachable && !Gone;
    }
}
