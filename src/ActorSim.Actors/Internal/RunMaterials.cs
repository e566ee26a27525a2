using ActorSim.Model.Building;
using ActorSim.Model.Plants;
using ActorSim.Model.Records;

namespace ActorSim.Actors.Internal;

/// <summary>What a run's line actors need that cannot travel between nodes: the plant, built here, the run seed and each line's sink.</summary>
/// <param name="Plant">The plant, built in this process.</param>
/// <param name="Seed">The run seed the lines' streams derive from.</param>
/// <param name="SinkFor">Makes a line's sink in this process (its stores, its egress actors).</param>
/// <param name="From">The snapshot the run starts from, or null.</param>
internal sealed record RunMaterials(PlantModel Plant, ulong Seed, Func<LineModel, IRecordSink> SinkFor, ActorSim.Model.Snapshots.ModelSnapshot? From = null);
