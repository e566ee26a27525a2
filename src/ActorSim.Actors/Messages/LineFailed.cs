namespace ActorSim.Actors.Messages;

/// <summary>Line to coordinator: the line threw; it stays stopped at <paramref name="SimulatedTime"/>.</summary>
/// <param name="RunId">The run it belongs to.</param>
/// <param name="Line">The line's index.</param>
/// <param name="SimId">The line's sim_id.</param>
/// <param name="SimulatedTime">The simulated time of the failure.</param>
/// <param name="Reason">The exception's type and message.</param>
internal sealed record LineFailed(string RunId, int Line, string SimId, double SimulatedTime, string Reason) : IRunMessage;
