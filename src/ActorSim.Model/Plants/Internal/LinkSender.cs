using System.Globalization;
using ActorSim.Engine;
using ActorSim.Model.Building;
using ActorSim.Model.Records;

namespace ActorSim.Model.Plants.Internal;

/// <summary>
/// Sends a line's items over its links: chooses the link, draws the delay from the line's stream, refuses an
/// arrival sooner than the lookahead, emits <c>sent</c> and hands the shipment to the outbox with the line's next
/// sequence number.
/// </summary>
internal sealed class LinkSender(Line line, PlantLineContext plant)
{
    private const string Sent = "sent";
    private const long MaxSequence = (1L << 40) - 1;
    private long _sequence;

    public int LineIndex => plant.LineIndex;

    public long ItemsSent
    {
        get => _sequence;
        set => _sequence = value;
    }

    public void Send(RecordKey key, IReadOnlyDictionary<string, object>? attributes, CompiledSend send)
    {
        var choice = send.Choose(line.Sampler.Stream);
        var link = send.Links[choice];
        var now = line.Simulation.Now;
        var delay = line.Sampler.Sample(link.Delay);
        var arrival = now + delay;
        if (!(arrival >= now + link.Lookahead) || !double.IsFinite(arrival))
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                $"Link '{link.Name}' from line '{line.SimId}': item {key} sent at t={SimTime.Format(now)} would arrive at t={SimTime.Format(arrival)} (delay {delay} s), sooner than the link's lookahead of {link.Lookahead} s allows. Keep the delay '{link.Path}' at or above the lookahead, or lower the lookahead."));
        }

        if (_sequence > MaxSequence)
        {
            throw new InvalidOperationException($"Line '{line.SimId}' has sent more than 2^40 items; delivery sequence numbers are exhausted.");
        }

        var sequence = _sequence++;
        line.Sink.Publish(SimRecord.Lifecycle(now, key, link.Path, Sent));
        var item = new PlantItem(key, Merge(attributes, send.Attributes[choice]));
        plant.Outbox.Send(new ItemShipment(link.Name, plant.LineIndex, link.DestinationLine, sequence, now, arrival, item));
    }

    private static IReadOnlyDictionary<string, object>? Merge(IReadOnlyDictionary<string, object>? carried, IReadOnlyDictionary<string, object>? added)
    {
        if (added is null || added.Count == 0)
        {
            return carried;
        }

        if (carried is null || carried.Count == 0)
        {
            return added;
        }

        var merged = new Dictionary<string, object>(carried, StringComparer.Ordinal);
        foreach (var (name, value) in added)
        {
            merged[name] = value;
        }

        return merged;
    }
}
