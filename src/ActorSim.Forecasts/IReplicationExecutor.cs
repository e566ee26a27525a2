namespace ActorSim.Forecasts;

/// <summary>
/// Runs a range of a forecast's replications somewhere — this process's workers, or a cluster's nodes — and hands
/// back each one's outcome in index order. Replication i must be run by a <see cref="ForecastWorker"/> of the same
/// request, so that where it ran never changes what it measured; it calls <see cref="ForecastRequest.ReplicationDone"/>
/// once per replication as each ends.
/// </summary>
public interface IReplicationExecutor
{
    /// <summary>Runs replications <paramref name="first"/> … <paramref name="first"/> + <paramref name="count"/> − 1 of <paramref name="request"/>.</summary>
    IReadOnlyList<ReplicationOutcome> Run(ForecastRequest request, int first, int count, CancellationToken cancellation);
}
