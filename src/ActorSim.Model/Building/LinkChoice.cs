namespace ActorSim.Model.Building;

/// <summary>One link a task may send its item over when it ends, with its relative weight.</summary>
/// <param name="Link">The link's name in the plant.</param>
/// <param name="Weight">The relative weight of this choice (positive); irrelevant when it is the only one.</param>
/// <param name="Attributes">Attributes set on the item when it goes this way (added to, or replacing, those it has).</param>
public sealed record LinkChoice(string Link, double Weight = 1, IReadOnlyDictionary<string, object>? Attributes = null);
