using ActorSim.Egress.Destinations;

namespace ActorSim.Runs.Execution;

/// <summary>What became of one destination's manifest at the end of a run: written (with the run's entry), or not, and why.</summary>
/// <param name="Destination">The destination as given.</param>
/// <param name="Entry">The run's entry in the manifest written; null when it could not be written.</param>
/// <param name="Error">Why the manifest could not be written; null when it was.</param>
public sealed record ManifestOutcome(string Destination, ManifestRun? Entry, string? Error);
