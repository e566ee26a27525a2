using ActorSim.Model.Building;
using ActorSim.Model.Records;

namespace ActorSim.Model.Plants;

/// <summary>Runs a plant for one seed and duration; every runner writes the same records per line.</summary>
public interface IPlantRunner
{
    /// <summary>
    /// Runs the plant with run seed <paramref name="seed"/> from time 0 until <paramref name="until"/> (events at
    /// <paramref name="until"/> are not processed); each line's records go to <c>sinkFor(line)</c>.
    /// </summary>
    PlantRunStats Run(ulong seed, double until, Func<LineModel, IRecordSink> sinkFor);

    /// <summary>
    /// As <see cref="Run(ulong, double, Func{LineModel, IRecordSink})"/>, stopping with an
    /// <see cref="OperationCanceledException"/> soon after <paramref name="cancellationToken"/> is cancelled; the records
    /// published until then are the first records of the uncancelled run.
    /// </summary>
    PlantRunStats Run(ulong seed, double until, Func<LineModel, IRecordSink> sinkFor, CancellationToken cancellationToken);
}
