using ActorSim.Actors.Internal;
using ActorSim.Model.Building;
using ActorSim.Model.Plants;
using ActorSim.Model.Records;
using ActorSim.Model.Snapshots;
using Akka.Actor;

namespace ActorSim.Actors;

/// <summary>
/// Lets an actor system host lines of a run whose coordinator is elsewhere (another node of a cluster deploys them
/// here, <see cref="ActorSimHost.StartRunAsync(PlantModel, PlantRunOptions, Func{LineModel, IRecordSink}, ActorRunnerSettings?, string?, CancellationToken, Func{int, Address?}?, RunCheckpoints?)"/>'s
/// placement): a line deployed here finds its run's plant, seed, starting state and sinks by the run's id.
/// </summary>
public static class LineHosting
{
    /// <summary>
    /// Registers run <paramref name="runId"/> in <paramref name="system"/>: its <paramref name="plant"/> (built in this
    /// process), run seed, starting snapshot and <paramref name="sinkFor"/> (called on a line's thread when it starts here).
    /// A run id already registered is an <see cref="ArgumentException"/>.
    /// </summary>
    public static void Add(ActorSystem system, string runId, PlantModel plant, ulong runSeed, Func<LineModel, IRecordSink> sinkFor, ModelSnapshot? from)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(plant);
        ArgumentNullException.ThrowIfNull(sinkFor);
        NodeRuns.For(system).Add(runId, new RunMaterials(plant, runSeed, sinkFor, from));
    }

    /// <summary>Forgets run <paramref name="runId"/> in <paramref name="system"/> (it has ended), its <see cref="WireTraffic"/> counters too; an unknown id does nothing.</summary>
    public static void Remove(ActorSystem system, string runId)
    {
        ArgumentNullException.ThrowIfNull(system);
        NodeRuns.For(system).Remove(runId);
        WireTraffic.For(system).Forget(runId);
    }
}
