namespace ActorSim.Actors.Messages;

/// <summary>Line to coordinator: the line is started; its current time and first event time (+∞ for none).</summary>
/// <param name="RunId">The run it belongs to.</param>
/// <param name="Line">The line's index.</param>
/// <param name="Now">Its simulated time.</param>
/// <param name="NextEventTime">The time of its first scheduled event.</param>
internal sealed record LineReady(string RunId, int Line, double Now, double NextEventTime) : IRunMessage;
