using ActorSim.Engine;

namespace ActorSim.Model.Building;

/// <summary>A hand-written process of a line.</summary>
/// <param name="Name">The process name used in errors.</param>
/// <param name="Body">The iterator, given the running line.</param>
public sealed record CustomProcess(string Name, Func<Line, IEnumerable<Event>> Body);
