namespace ActorSim.Actors.Messages;

/// <summary>Coordinator to line: deliver these items, run every event strictly before <paramref name="Horizon"/>, then report.</summary>
/// <param name="RunId">The run it belongs to.</param>
/// <param name="Round">The synchronization round (1, 2, ...).</param>
/// <param name="Line">The line's index.</param>
/// <param name="Horizon">The safe horizon in simulated seconds.</param>
/// <param name="Deliveries">Items for the line in (arrival time, source line, sequence) order.</param>
/// <param name="Capture">Report with the line's state at each instant of <see cref="CaptureAt"/> (<see cref="GrantDone.Captured"/>).</param>
/// <param name="CaptureEgress">The snapshot is a checkpoint: the state includes the egress counters and chunks.</param>
/// <param name="CaptureAt">
/// The instants to capture the state at, increasing, from where the line stands to <paramref name="Horizon"/>: the line
/// runs every event before each, captures, and runs on. Null means the horizon (a snapshot's instant is the horizon).
/// </param>
/// <param name="Direct">The items sent straight to the line by lines on its node that it delivers with <paramref name="Deliveries"/> (null: none).</param>
internal sealed record Grant(
    string RunId, long Round, int Line, double Horizon, IReadOnlyList<ActorSim.Model.Plants.ItemShipment> Deliveries, bool Capture = false, bool CaptureEgress = false,
    IReadOnlyList<double>? CaptureAt = null, IReadOnlyList<ActorSim.Model.Plants.DirectRelease>? Direct = null)
    : IRunMessage;
