namespace ActorSim.Actors.Messages;

/// <summary>Line to coordinator: it is done with its grant; its line's report (next event time, the items it sent) and its own figures.</summary>
/// <param name="RunId">The run it belongs to.</param>
/// <param name="Round">The round of the grant this answers.</param>
/// <param name="Line">The line's index.</param>
/// <param name="NextEventTime">Its next event time (+∞ for none), at or after the horizon.</param>
/// <param name="Sent">The items it sent during the grant, in sending order.</param>
/// <param name="ProcessedEvents">Engine events it has processed since it started.</param>
/// <param name="BusySeconds">Wall-clock seconds it spent on this grant.</param>
/// <param name="Egress">Its egress so far, or null when its sink is not an egress pipeline.</param>
/// <param name="Reached">Where it stopped when curtailed before the horizon; null when it ran to the horizon.</param>
/// <param name="Captured">For a grant that asked (<see cref="Grant.Capture"/>): the line's state at each capture instant it reached, in order.</param>
/// <param name="Direct">The items it sent straight to lines on its node (<see cref="LinePeers"/>), counted per destination; null: none.</param>
internal sealed record GrantDone(
    string RunId, long Round, int Line, double NextEventTime, IReadOnlyList<ActorSim.Model.Plants.ItemShipment> Sent, long ProcessedEvents, double BusySeconds,
    EgressStatus? Egress = null, double? Reached = null, IReadOnlyList<LineStateCaptured>? Captured = null,
    IReadOnlyList<ActorSim.Model.Plants.DirectlySent>? Direct = null)
    : IRunMessage;
