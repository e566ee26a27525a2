using ActorSim.Cluster.Messages;
using ActorSim.Forecasts;
using ActorSim.Forecasts.Records;
using Akka.Actor;

namespace ActorSim.Cluster.Internal;

/// <summary>
/// One replication thread of a worker node: runs a batch's replications one after another on the replication
/// dispatcher (never on the threads of remoting and gossip) and sends each outcome to the job's client as it ends.
/// It keeps a <see cref="ForecastWorker"/> per job definition, whose measures are reused from one replication to the next.
/// </summary>
internal sealed class ReplicationRunner : ReceiveActor
{
    private const int WorkersKept = 4;

    private readonly List<(string Hash, ForecastWorker Worker)> _workers = [];

    private readonly long _maxOutcomeBytes;

    public ReplicationRunner(long maxOutcomeBytes)
    {
        _maxOutcomeBytes = maxOutcomeBytes;
        Receive<RunBatch>(Run);
    }

    /// <summary>A runner whose outcomes must fit in <paramref name="maxOutcomeBytes"/> (below the remoting frame size).</summary>
    public static Props Props(long maxOutcomeBytes) =>
        Akka.Actor.Props.Create(() => new ReplicationRunner(maxOutcomeBytes)).WithDispatcher(NodeActors.ReplicationDispatcherId);

    private void Run(RunBatch message)
    {
        var (job, batch) = message;
        string? failure = null;
        var worker = WorkerFor(job);
        foreach (var index in batch.Indices)
        {
            if (job.Ended)
            {
                break;
            }

            ReplicationOutcome outcome;
            var records = job.Request.Records as ReplicationRecordWriter;
            KeptRecords? kept;
            try
            {
                outcome = worker.Run(index);
                kept = records?.Take(index);
            }
#pragma warning disable CA1031 // A replication that throws fails the forecast on the client, with its message.
            catch (Exception e)
#pragma warning restore CA1031
            {
                records?.Discard(index);
                failure = $"replication {index} failed on {Akka.Cluster.Cluster.Get(Context.System).SelfAddress}: {e.GetType().Name}: {e.Message}";
                break;
            }

            var bytes = 8L * (outcome.Row.Length + outcome.Samples.Length) + (kept is null ? 0 : RecordsBytes(kept));
            if (bytes > _maxOutcomeBytes)
            {
                failure = $"replication {index}'s outcome is {bytes:N0} bytes, more than a message between nodes holds ({_maxOutcomeBytes:N0}): "
                    + "raise akka.remote.dot-netty.tcp.maximum-frame-size on every node, or sample the bands less often (--band-step)";
                break;
            }

            job.Client.Tell(new ReplicationDone(job.JobId, batch.LeaseId, index, outcome.Row, outcome.Samples, kept), Context.Parent);
            job.CountDone();
        }

        Context.Parent.Tell(new BatchFinished(job, failure));
    }

    /// <summary>About what <paramref name="kept"/> takes in a message: its strings and numbers.</summary>
    private static long RecordsBytes(KeptRecords kept) =>
        kept.Chunks.Sum(c => 24L + c.Path.Length + c.Line.Length + c.Sink.Length + c.Sha256.Length) + kept.Sinks.Sum(s => 32L + s.Line.Length + s.Sink.Length);

    private ForecastWorker WorkerFor(ActiveJob job)
    {
        var kept = _workers.FindIndex(w => w.Hash == job.Hash);
        if (kept >= 0)
        {
            return _workers[kept].Worker;
        }

        var worker = new ForecastWorker(job.Request);
        if (_workers.Count == WorkersKept)
        {
            _workers.RemoveAt(0);
        }

        _workers.Add((job.Hash, worker));
        return worker;
    }
}
