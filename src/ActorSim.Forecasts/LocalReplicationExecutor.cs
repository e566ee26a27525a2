namespace ActorSim.Forecasts;

/// <summary>Runs replications on this process: <see cref="ForecastRequest.Parallelism"/> workers, each pulling the next index.</summary>
public sealed class LocalReplicationExecutor : IReplicationExecutor
{
    /// <summary>The one instance.</summary>
    public static readonly LocalReplicationExecutor Instance = new();

    private LocalReplicationExecutor()
    {
    }

    /// <inheritdoc/>
    public IReadOnlyList<ReplicationOutcome> Run(ForecastRequest request, int first, int count, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(request);
        var outcomes = new ReplicationOutcome[count];
        Parallel.For(
            0, count, new ParallelOptions { MaxDegreeOfParallelism = request.Parallelism, CancellationToken = cancellation },
            () => new ForecastWorker(request),
            (i, _, worker) =>
            {
                outcomes[i] = worker.Run(first + i);
                request.ReplicationDone?.Invoke();
                return worker;
            },
            _ => { });
        return outcomes;
    }
}
