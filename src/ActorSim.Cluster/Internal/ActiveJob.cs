using ActorSim.Forecasts;
using Akka.Actor;

namespace ActorSim.Cluster.Internal;

/// <summary>A forecast job a worker node holds for one client: its request, built here, and whether it has ended (runners stop between replications).</summary>
internal sealed class ActiveJob(string jobId, string hash, IActorRef client, ForecastRequest request)
{
    private volatile bool _ended;
    private int _done;

    public string JobId { get; } = jobId;

    public string Hash { get; } = hash;

    public IActorRef Client { get; } = client;

    public ForecastRequest Request { get; } = request;

    /// <summary>Batches received from the client (told back in each work request).</summary>
    public long BatchesReceived { get; set; }

    public bool Ended => _ended;

    /// <summary>Replications this node ran for the job.</summary>
    public int Done => Volatile.Read(ref _done);

    public void End() => _ended = true;

    public void CountDone() => Interlocked.Increment(ref _done);
}
