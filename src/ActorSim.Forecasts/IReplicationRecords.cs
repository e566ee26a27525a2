using ActorSim.Model.Records;

namespace ActorSim.Forecasts;

/// <summary>
/// Where a forecast's replications write their records (<c>--keep-records</c>): a sink per replication and line,
/// opened when the replication starts and closed when it reaches the horizon. Called from the workers at once, each
/// replication from one worker.
/// </summary>
public interface IReplicationRecords
{
    /// <summary>The sink the line <paramref name="line"/> of replication <paramref name="replication"/> publishes into.</summary>
    IRecordSink Open(int replication, string line);

    /// <summary>Stores every record of replication <paramref name="replication"/>; throws when they cannot all be stored.</summary>
    void Close(int replication);
}
