using ActorSim.Actors.Messages;
using ActorSim.Model.Plants;
using ActorSim.Model.Snapshots;

namespace ActorSim.Actors.Internal;

/// <summary>
/// A checkpoint collected while the lines run across its instant, with no line waiting for another there: each line
/// captures its state inside the first grant that reaches the instant (<see cref="Grant.CaptureAt"/>), after every
/// event before it and before any at it, and the coordinator counts what was in transit then. An item was in transit
/// when it was sent before the instant and had not arrived: handed to its line (before that line's capturing grant, or
/// in it) and due at or after the instant, handed over after that line's capturing grant, or held past the run's end.
/// The lines' states leave out the items handed to them and not arrived (the coordinator lists them here instead, so
/// a capture does not write thousands of items a grant delivered), and an item sent at or after the instant is not in
/// transit: the replay sends it again. Items a line sent straight to a line on its node never pass the coordinator: the
/// sender lists those in transit at the instant with its state (<see cref="LineStateCaptured.InTransitOut"/>), and the
/// receiver's state leaves them out as it leaves out the items handed to it. Complete once every line's capturing
/// grant has reported, when every item sent before the instant has reached the coordinator. Several may be collected
/// at once: a grant may cross several instants, and the line then captures at each. This is a consistent cut of the
/// run (Chandy and Lamport's snapshot, each channel recorded by the side that saw all it carried), exactly the state a
/// barrier at the instant would have captured.
/// </summary>
internal sealed class CheckpointInFlight
{
    private readonly bool[] _asked;
    private readonly LineStateCaptured?[] _captured;
    private readonly List<ItemShipment> _inTransit = [];
    private int _capturedCount;

    /// <summary>A checkpoint at <paramref name="at"/> of <paramref name="lines"/> lines.</summary>
    public CheckpointInFlight(double at, int lines)
    {
        At = at;
        _asked = new bool[lines];
        _captured = new LineStateCaptured?[lines];
    }

    /// <summary>The instant, in simulated seconds from the run's logical start.</summary>
    public double At { get; }

    /// <summary>True once every line has sent its state.</summary>
    public bool IsComplete => _capturedCount == _captured.Length;

    /// <summary>True once a line stopped short of the instant in the grant that was to capture it (a pause): it cannot be completed.</summary>
    public bool IsAbandoned { get; private set; }

    /// <summary>Gives the checkpoint up (<see cref="IsAbandoned"/>).</summary>
    public void Abandon() => IsAbandoned = true;

    /// <summary>
    /// True when the grant of <paramref name="line"/> from <paramref name="standsAt"/> to <paramref name="horizon"/> is
    /// to capture its state: the first that reaches the instant. <paramref name="handed"/> are the items handed to the
    /// line that had not arrived where it stands, this grant's included: those due at or after the instant and sent
    /// before it were in transit. So is every item handed to the line from then on, if sent before the instant.
    /// </summary>
    public bool AskIn(int line, double standsAt, double horizon, IReadOnlyList<ItemShipment> handed)
    {
        if (_asked[line] || standsAt > At || horizon < At)
        {
            return false;
        }

        _asked[line] = true;
        foreach (var item in handed)
        {
            if (item.ArrivalTime >= At && item.SentAt < At)
            {
                _inTransit.Add(item);
            }
        }

        return true;
    }

    /// <summary>Notes the items a line reported sending: those the coordinator will hand to a line already captured, sent before the instant, were in transit.</summary>
    public void Sent(IReadOnlyList<ItemShipment> shipments, double endTime)
    {
        foreach (var shipment in shipments)
        {
            // An item due after the run's end is never handed over: it is taken from the coordinator's held items at the end.
            if (shipment.SentAt < At && shipment.ArrivalTime < endTime && _asked[shipment.DestinationLine])
            {
                _inTransit.Add(shipment);
            }
        }
    }

    /// <summary>Takes the state <paramref name="line"/> captured at the instant, and the items it had sent straight that were in transit then.</summary>
    public void Captured(int line, LineStateCaptured captured)
    {
        if (_captured[line] is null)
        {
            _capturedCount++;
            _inTransit.AddRange(captured.InTransitOut ?? []);
        }

        _captured[line] = captured;
    }

    /// <summary>The line's answer, once <see cref="IsComplete"/>.</summary>
    public LineStateCaptured StateOf(int line) => _captured[line]!;

    /// <summary>
    /// The checkpoint, once <see cref="IsComplete"/>: the lines' states, the items in transit, and those the coordinator
    /// holds past the run's end (<paramref name="held"/>) sent before the instant.
    /// </summary>
    public RunCheckpoint Checkpoint(SnapshotRequest request, IReadOnlyList<string> simIds, IEnumerable<ItemShipment> held, double endTime)
    {
        var at = At;
        var states = _captured.Select(c => c!.StateJson!).ToArray();
        var inTransit = _inTransit.Concat(held.Where(i => i.ArrivalTime >= endTime && i.SentAt < at)).ToArray();
        var lines = _captured.Select((c, i) => new LineCheckpoint(simIds[i], c!.Egress ?? [], c.Chunks ?? [])).ToArray();
        return new RunCheckpoint(at, () => SnapshotCapture.Assemble(
            request.Plant, request.ModelName, request.Start, at, request.Seed,
            Array.ConvertAll(states, SnapshotJson.ReadLine), inTransit), lines);
    }
}
