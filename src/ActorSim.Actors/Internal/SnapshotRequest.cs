using ActorSim.Model.Plants;
using ActorSim.Model.Snapshots;

namespace ActorSim.Actors.Internal;

/// <summary>Snapshots the coordinator takes on the way: when, of which model, and who gets them (on the coordinator's thread).</summary>
/// <param name="Times">The instants, increasing, after the run's start and not after its end.</param>
/// <param name="Plant">The model.</param>
/// <param name="ModelName">The model's name in the snapshot.</param>
/// <param name="Start">The run's logical start.</param>
/// <param name="Seed">The run's seed, for people.</param>
/// <param name="Taken">Gets the snapshot; the run goes on when it returns.</param>
/// <param name="Checkpointed">For checkpoints instead: gets each with the lines' egress states; the run goes on when it returns.</param>
internal sealed record SnapshotRequest(
    IReadOnlyList<double> Times, PlantModel Plant, string ModelName, DateTime Start, ulong Seed, Action<ModelSnapshot> Taken, Action<RunCheckpoint>? Checkpointed = null);
