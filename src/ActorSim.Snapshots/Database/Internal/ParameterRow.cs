namespace ActorSim.Snapshots.Database.Internal;

/// <summary>A row of the parameter relation; <see cref="Value"/> is a JSON value, a number, a boolean or a text.</summary>
internal sealed record ParameterRow(string Line, string Path, object Value);
