namespace ActorSim.Actors.Messages;

/// <summary>One line's share of a run.</summary>
/// <param name="Line">The line's index.</param>
/// <param name="SimId">The line's sim_id.</param>
/// <param name="Grants">Grants it received.</param>
/// <param name="ProcessedEvents">Engine events it processed.</param>
/// <param name="ItemsSent">Items it sent over links.</param>
/// <param name="BusySeconds">Wall-clock seconds it spent running grants (time blocked on egress included).</param>
/// <param name="RecordsWritten">Records its egress wrote, or -1 when its sink is not an egress pipeline.</param>
/// <param name="EgressSeconds">Wall-clock seconds its egress drain took at the end.</param>
/// <param name="SyncWaitSeconds">
/// Wall-clock seconds it waited for the coordinator between saying it was ready or reporting and its next grant (or
/// the end): time spent waiting on slower lines, including a grant's wait for a free line thread.
/// </param>
/// <param name="EgressBlockedSeconds">Wall-clock seconds its <c>Publish</c> blocked on full sink queues (0 without an egress pipeline).</param>
public sealed record LineStats(
    int Line, string SimId, long Grants, long ProcessedEvents, long ItemsSent, double BusySeconds, long RecordsWritten, double EgressSeconds,
    double SyncWaitSeconds = 0, double EgressBlockedSeconds = 0);
