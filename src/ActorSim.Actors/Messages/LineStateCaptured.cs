namespace ActorSim.Actors.Messages;

/// <summary>Line to coordinator: its exact state, as the snapshot document's JSON for one line.</summary>
/// <param name="RunId">The run it belongs to.</param>
/// <param name="Line">The line's index.</param>
/// <param name="StateJson">The line's state (<c>SnapshotJson.WriteLine</c>), or null when it could not be taken.</param>
/// <param name="Error">Why the state could not be taken, or null.</param>
internal sealed record LineStateCaptured(string RunId, int Line, string? StateJson, string? Error) : IRunMessage;
