namespace ActorSim.Model.Plants;

/// <summary>
/// Part of a grant: deliver, with the grant's other items, the items line <see cref="SourceLine"/> sent straight to
/// this line, up to <see cref="Through"/> of them since the run started (<see cref="DirectlySent"/>). They reached the
/// line before the report that announced them reached the coordinator.
/// </summary>
/// <param name="SourceLine">The sending line's index.</param>
/// <param name="Through">The sender's count of items sent straight to this line that are due now.</param>
public sealed record DirectRelease(int SourceLine, long Through);
