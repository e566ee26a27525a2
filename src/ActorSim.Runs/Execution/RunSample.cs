namespace ActorSim.Runs.Execution;

/// <summary>Where a run is: the simulated seconds every line has reached, the records published so far, and the wall time since it started.</summary>
public readonly record struct RunSample(double SimulatedSeconds, double DurationSeconds, long Records, TimeSpan Elapsed);
