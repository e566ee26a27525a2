using ActorSim.Actors.Messages;
using ActorSim.Model.Plants;
using Akka.Actor;

namespace ActorSim.Actors.Internal;

/// <summary>
/// A line's items passed straight between lines on one node, without the coordinator's hop: sending those for the
/// peers the coordinator named (<see cref="LinePeers"/>) and counting them per destination, holding those other lines
/// sent it until a grant releases them (<see cref="DirectRelease"/>). Each sender's items reach a line in sending order
/// (one sender, one receiver: the mailbox keeps their order), so a count is all a release needs. In a run that takes
/// checkpoints the sender keeps what it sent straight until it has arrived, and lists at each instant it captures the
/// items in transit then (<see cref="InTransitAt"/>): wherever they are (the receiver's mailbox, its held items, its
/// queue of arrivals), only the sender saw them all.
/// </summary>
internal sealed class DirectItemLedger
{
    private readonly Dictionary<int, IActorRef> _peers = [];
    private readonly Dictionary<int, long> _sent = [];
    private readonly Dictionary<int, Queue<ItemShipment>> _held = [];
    private readonly Dictionary<int, long> _released = [];
    private double _before = double.NegativeInfinity;
    private bool _checkpointed;
    private readonly List<ItemShipment> _notArrived = [];

    /// <summary>Takes the peers to send to straight, each found on this node by <paramref name="find"/> (one not found gets its items through the coordinator).</summary>
    public void Connect(LinePeers peers, Func<int, IActorRef?> find)
    {
        _before = peers.Before;
        _checkpointed = peers.Checkpointed;
        foreach (var peer in peers.Peers)
        {
            if (find(peer) is { } actor)
            {
                _peers[peer] = actor;
            }
        }
    }

    /// <summary>
    /// Sends the items of <paramref name="sent"/> that are for a peer and due before the run's end straight to it (one
    /// message per peer); returns the others, for the coordinator, and the counts to report. <paramref name="now"/> is
    /// where the line stands: a kept item due before it cannot be in transit at a later instant.
    /// </summary>
    public (IReadOnlyList<ItemShipment> Relayed, IReadOnlyList<DirectlySent>? Direct) Send(
        string runId, int line, IReadOnlyList<ItemShipment> sent, IActorRef self, double now)
    {
        _notArrived.RemoveAll(i => i.ArrivalTime < now);
        if (_peers.Count == 0 || sent.Count == 0)
        {
            return (sent, null);
        }

        List<ItemShipment>? relayed = null;
        SortedDictionary<int, List<ItemShipment>>? straight = null;
        foreach (var shipment in sent)
        {
            if (GoesStraight(shipment))
            {
                straight ??= [];
                if (!straight.TryGetValue(shipment.DestinationLine, out var items))
                {
                    straight[shipment.DestinationLine] = items = [];
                }

                items.Add(shipment);
                if (_checkpointed)
                {
                    _notArrived.Add(shipment);
                }
            }
            else
            {
                (relayed ??= []).Add(shipment);
            }
        }

        if (straight is null)
        {
            return (sent, null);
        }

        var direct = new List<DirectlySent>(straight.Count);
        foreach (var (destination, items) in straight)
        {
            _peers[destination].Tell(new DirectItems(runId, line, items), self);
            var through = _sent[destination] = _sent.GetValueOrDefault(destination) + items.Count;
            var earliest = double.PositiveInfinity;
            foreach (var item in items)
            {
                earliest = Math.Min(earliest, item.ArrivalTime);
            }

            direct.Add(new DirectlySent(destination, through, earliest));
        }

        return (relayed ?? [], direct);
    }

    /// <summary>
    /// The items the line sent straight before <paramref name="instant"/> that arrive at it or later: those sent in earlier
    /// grants that it keeps, and those of <paramref name="unreported"/> (sent in this grant, before the instant) that
    /// will go straight.
    /// </summary>
    public IReadOnlyList<ItemShipment>? InTransitAt(double instant, IReadOnlyList<ItemShipment> unreported)
    {
        if (_peers.Count == 0)
        {
            return null;
        }

        _notArrived.RemoveAll(i => i.ArrivalTime < instant);
        List<ItemShipment>? inTransit = _notArrived.Count > 0 ? [.. _notArrived] : null;
        foreach (var shipment in unreported)
        {
            if (GoesStraight(shipment) && shipment.SentAt < instant && shipment.ArrivalTime >= instant)
            {
                (inTransit ??= []).Add(shipment);
            }
        }

        return inTransit;
    }

    /// <summary>True for an item sent to a peer and due before the run's end.</summary>
    private bool GoesStraight(ItemShipment shipment) => shipment.ArrivalTime < _before && _peers.ContainsKey(shipment.DestinationLine);

    /// <summary>Holds items a peer sent straight to this line until a grant releases them.</summary>
    public void Hold(DirectItems items)
    {
        if (!_held.TryGetValue(items.SourceLine, out var queue))
        {
            _held[items.SourceLine] = queue = new Queue<ItemShipment>();
        }

        foreach (var item in items.Items)
        {
            queue.Enqueue(item);
        }
    }

    /// <summary>The held items <paramref name="releases"/> make due; throws naming the sender when some have not arrived.</summary>
    public List<ItemShipment> Release(IReadOnlyList<DirectRelease> releases)
    {
        var due = new List<ItemShipment>();
        foreach (var release in releases)
        {
            var taken = _released.GetValueOrDefault(release.SourceLine);
            var held = _held.GetValueOrDefault(release.SourceLine);
            var count = release.Through - taken;
            if (count < 0 || (held?.Count ?? 0) < count)
            {
                throw new InvalidOperationException(
                    $"the grant releases items {taken + 1} to {release.Through} that line {release.SourceLine} sent straight to this line, and {held?.Count ?? 0} of them have arrived");
            }

            for (var i = 0; i < count; i++)
            {
                due.Add(held!.Dequeue());
            }

            _released[release.SourceLine] = release.Through;
        }

        return due;
    }
}
