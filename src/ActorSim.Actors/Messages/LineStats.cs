namespace ActorSim.Actors.Messages;

/// <summary>One line's share of a run.</summary>
/// <param name="Line">The line's index.</param>
/// <param name="SimId">The line's sim_id.</param>
/// <param name="Grants">Grants it received.</param>
/// <param name="ProcessedEvents">Engine events it processed.</param>
/// <param name="ItemsSent">Items it sent over links.</param>
/// <param name="BusySeconds">Wall-clock seconds it spent running grants.</param>
/// <param name="RecordsWritten">Records its egress wrote, or -1 when its sink is not an egress pipeline.</param>
/// <param name="EgressSeconds">Wall-clock seconds its egress drain took at the end.</param>
public sealed record LineStats(int Line, string SimId, long Grants, long ProcessedEvents, long ItemsSent, double BusySeconds, long RecordsWritten, double EgressSeconds);
