namespace ActorSim.Actors.Messages;

/// <summary>Line to coordinator: its egress is drained.</summary>
/// <param name="RunId">The run it belongs to.</param>
/// <param name="Line">The line's index.</param>
/// <param name="ProcessedEvents">Engine events it processed.</param>
/// <param name="ItemsSent">Items it sent over links.</param>
/// <param name="RecordsWritten">Records its egress pipeline wrote, over all sinks; -1 when its sink is not an egress pipeline.</param>
/// <param name="EgressSeconds">Wall-clock seconds the drain took.</param>
/// <param name="EgressError">Why the drain failed, or null.</param>
/// <param name="SyncWaitSeconds">Wall-clock seconds it waited for grants (see <see cref="LineStats.SyncWaitSeconds"/>).</param>
/// <param name="EgressBlockedSeconds">Wall-clock seconds its <c>Publish</c> blocked on full sink queues.</param>
internal sealed record LineFinished(
    string RunId, int Line, long ProcessedEvents, long ItemsSent, long RecordsWritten, double EgressSeconds, string? EgressError,
    double SyncWaitSeconds = 0, double EgressBlockedSeconds = 0) : IRunMessage;
