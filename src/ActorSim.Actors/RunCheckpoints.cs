namespace ActorSim.Actors;

/// <summary>Checkpoints a plant run takes on the way: at <paramref name="Times"/>, each given to <paramref name="Taken"/> on the coordinator's thread (the run goes on when it returns).</summary>
/// <param name="Times">The instants, increasing, after the run's start and before its end.</param>
/// <param name="Taken">Gets each checkpoint.</param>
public sealed record RunCheckpoints(IReadOnlyList<double> Times, Action<RunCheckpoint> Taken);
