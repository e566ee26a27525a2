namespace ActorSim.Model.Plants;

/// <summary>A link as the synchronization sees it: its name, its ends as line indices, and its lookahead.</summary>
/// <param name="Name">The link's name (for error messages).</param>
/// <param name="From">The sending line's index.</param>
/// <param name="To">The receiving line's index.</param>
/// <param name="Lookahead">The least transit time in seconds (positive).</param>
public readonly record struct ScheduleLink(string Name, int From, int To, double Lookahead);
