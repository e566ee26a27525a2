using ActorSim.Cluster.Messages;
using ActorSim.Egress.Storage;
using ActorSim.Forecasts;
using Akka.Actor;
using Akka.Event;

namespace ActorSim.Cluster.Internal;

/// <summary>
/// A worker node's offer of its cores to forecasts (<c>/user/forecast-worker</c>). For each job a client offers, it
/// fetches the definition once by hash (in chunks), builds the request, and pulls batches of replication indices while
/// it has free runners; each runner sends its outcomes straight to the client. A client that is gone (it left, or was
/// downed) ends its jobs here; the node stays up.
/// </summary>
internal sealed class WorkerNodeActor : ReceiveActor
{
    private const int DefinitionsKept = 8;

    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly IActorRef[] _runners;
    private readonly bool[] _busy;
    private readonly Dictionary<string, ForecastRequest> _built = new(StringComparer.Ordinal);
    private readonly List<string> _builtOrder = [];
    private readonly Dictionary<string, byte[]?[]> _partial = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<(string JobId, IActorRef Client)>> _waiting = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ActiveJob> _jobs = new(StringComparer.Ordinal);
    private readonly Queue<RunBatch> _pending = new();

    private readonly Func<string, IObjectStore> _stores;

    public WorkerNodeActor(int slots, Func<string, IObjectStore> stores)
    {
        _stores = stores;
        // An outcome travels alone: it must fit in a frame, with room for the envelope.
        var frame = Context.System.Settings.Config.GetByteSize("akka.remote.dot-netty.tcp.maximum-frame-size") ?? 128_000;
        _runners = Enumerable.Range(0, slots).Select(i => Context.ActorOf(ReplicationRunner.Props(frame - 4096), $"runner-{i}")).ToArray();
        _busy = new bool[slots];
        Receive<JobOffer>(Offered);
        Receive<JobChunk>(Chunk);
        Receive<WorkBatch>(Batch);
        Receive<BatchFinished>(Finished);
        Receive<JobEnded>(m =>
        {
            if (_waiting.Values.Sum(waiting => waiting.RemoveAll(w => w.JobId == m.JobId)) > 0)
            {
                _log.Info("Forecast job {JobId} ended before it started on this node: the client ended it", m.JobId);
            }

            End(m.JobId, "the client ended it", LogLevel.InfoLevel);
        });
        Receive<Terminated>(ClientGone);
    }

    public static Props Props(int slots, Func<string, IObjectStore> stores) => Akka.Actor.Props.Create(() => new WorkerNodeActor(slots, stores));

    private int Free => _busy.Count(b => !b);

    private void Offered(JobOffer offer)
    {
        if (_jobs.TryGetValue(offer.JobId, out var held))
        {
            // Offered again (the client saw this node unreachable and back): it forgot what this node had asked for.
            AskForWork(held);
            return;
        }

        if (_built.ContainsKey(offer.JobHash))
        {
            Activate(offer.JobId, offer.JobHash, Sender);
            return;
        }

        if (!_waiting.TryGetValue(offer.JobHash, out var waiting))
        {
            _waiting[offer.JobHash] = waiting = [];
        }

        waiting.Add((offer.JobId, Sender));
        if (waiting.Count == 1)
        {
            Sender.Tell(new JobWanted(offer.JobId, offer.JobHash));
        }
    }

    private void Chunk(JobChunk chunk)
    {
        if (!_waiting.ContainsKey(chunk.JobHash) || chunk.Count < 1 || chunk.Index < 0 || chunk.Index >= chunk.Count)
        {
            return;
        }

        if (!_partial.TryGetValue(chunk.JobHash, out var parts) || parts.Length != chunk.Count)
        {
            _partial[chunk.JobHash] = parts = new byte[chunk.Count][];
        }

        parts[chunk.Index] = chunk.Data;
        if (parts.Any(p => p is null))
        {
            return;
        }

        _partial.Remove(chunk.JobHash);
        var bytes = parts.SelectMany(p => p!).ToArray();
        var waiting = _waiting[chunk.JobHash];
        _waiting.Remove(chunk.JobHash);
        string? refusal = null;
        if (ForecastJob.Hash(bytes) != chunk.JobHash)
        {
            refusal = $"the job's {bytes.Length} bytes arrived on {Self.Path.Address} with another hash than {chunk.JobHash}";
        }
        else
        {
            try
            {
                var request = ForecastJob.Read(bytes).ToRequest(_runners.Length, _stores);
                request.Validate();
                Keep(chunk.JobHash, request);
                _log.Info("Forecast job {JobHash} received ({Bytes} bytes in {Chunks} chunks) and built: {Lines} line(s), horizon {Horizon} s",
                    chunk.JobHash[..12], bytes.Length, chunk.Count, request.Plant.Lines.Count, request.HorizonSeconds);
            }
#pragma warning disable CA1031 // Whatever stops the model or snapshot from building is told to the client, which fails the forecast with it.
            catch (Exception e)
#pragma warning restore CA1031
            {
                refusal = $"the job does not build on {Cluster().SelfAddress}: {e.Message}";
            }
        }

        foreach (var (jobId, client) in waiting)
        {
            if (refusal is null)
            {
                Activate(jobId, chunk.JobHash, client);
            }
            else
            {
                _log.Warning("Forecast job {JobId} refused: {Reason}", jobId, refusal);
                client.Tell(new JobRefused(jobId, refusal));
            }
        }
    }

    private void Activate(string jobId, string hash, IActorRef client)
    {
        var job = new ActiveJob(jobId, hash, client, _built[hash]);
        _jobs[jobId] = job;
        Context.Watch(client);
        _log.Info("Forecast job {JobId} from {Client}: offering {Slots} replication thread(s)", jobId, client.Path.Address, _runners.Length);
        AskForWork(job);
    }

    private void Batch(WorkBatch batch)
    {
        if (!_jobs.TryGetValue(batch.JobId, out var job))
        {
            return;
        }

        job.BatchesReceived++;
        _log.Debug("Forecast job {JobId}: batch {LeaseId} taken, replications {Indices}", batch.JobId, batch.LeaseId, string.Join(",", batch.Indices));
        _pending.Enqueue(new RunBatch(job, batch));
        Dispatch();
    }

    private void Finished(BatchFinished finished)
    {
        var runner = Array.IndexOf(_runners, Sender);
        if (runner >= 0)
        {
            _busy[runner] = false;
        }

        if (finished.Failure is { } failure && _jobs.ContainsKey(finished.Job.JobId))
        {
            finished.Job.Client.Tell(new JobRefused(finished.Job.JobId, failure));
            End(finished.Job.JobId, failure, LogLevel.WarningLevel);
        }

        Dispatch();
        if (_pending.Count == 0)
        {
            foreach (var job in _jobs.Values)
            {
                AskForWork(job);
            }
        }
    }

    private void Dispatch()
    {
        while (_pending.Count > 0 && Array.IndexOf(_busy, false) is var free and >= 0)
        {
            var next = _pending.Dequeue();
            if (next.Job.Ended)
            {
                continue;
            }

            _busy[free] = true;
            _runners[free].Tell(next);
        }
    }

    private void AskForWork(ActiveJob job)
    {
        if (Free > 0 && _pending.Count == 0 && !job.Ended)
        {
            job.Client.Tell(new WorkRequest(job.JobId, Free, job.BatchesReceived));
        }
    }

    private void ClientGone(Terminated terminated)
    {
        foreach (var job in _jobs.Values.Where(j => j.Client.Equals(terminated.ActorRef)).ToArray())
        {
            End(job.JobId, $"its client {terminated.ActorRef.Path.Address} is gone (it left the cluster, or was unreachable and downed)", LogLevel.WarningLevel);
        }
    }

    private void End(string jobId, string why, LogLevel level)
    {
        if (!_jobs.Remove(jobId, out var job))
        {
            return;
        }

        job.End();
        if (!_jobs.Values.Any(j => j.Client.Equals(job.Client)))
        {
            Context.Unwatch(job.Client);
        }

        var dropped = _pending.Count(b => b.Job == job);
        _log.Log(level, "Forecast job {JobId} ended: {Why}; {Done} replications ran on this node, {Dropped} queued batches dropped; the node stays up",
            [jobId, why, job.Done, dropped]);
    }

    private void Keep(string hash, ForecastRequest request)
    {
        if (_built.TryAdd(hash, request))
        {
            _builtOrder.Add(hash);
        }

        if (_builtOrder.Count > DefinitionsKept)
        {
            _built.Remove(_builtOrder[0]);
            _builtOrder.RemoveAt(0);
        }
    }

    private Akka.Cluster.Cluster Cluster() => Akka.Cluster.Cluster.Get(Context.System);
}
