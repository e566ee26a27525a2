using ActorSim.Cluster.Messages;
using ActorSim.Forecasts;
using ActorSim.Forecasts.Records;
using Akka.Actor;
using Akka.Cluster;
using Akka.Event;

namespace ActorSim.Cluster.Internal;

/// <summary>
/// A forecast job on its client node: offers the job to every member with role worker, ships its definition to those
/// that ask (once, in chunks), hands batches of replication indices to nodes as they pull, and keeps the outcomes by
/// index (<see cref="ReplicationLedger"/>). It follows membership: a worker that becomes unreachable, leaves or is
/// removed has its unfinished batches put back in the queue at once.
/// </summary>
internal sealed class ForecastMaster : ReceiveActor, IWithTimers
{
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly string _jobId;
    private readonly string _hash;
    private readonly byte[] _definition;
    private readonly ClusterForecastSettings _settings;
    private readonly ReplicationLedger _ledger;
    private readonly Dictionary<string, IActorRef> _workers = new(StringComparer.Ordinal);
    private readonly HashSet<Address> _offered = [];
    private readonly Dictionary<string, Address> _members = new(StringComparer.Ordinal);
    private TaskCompletionSource<IReadOnlyList<ReplicationOutcome>>? _completion;
    private Action? _replicationDone;
    private DateTime? _noWorkerSince;
    private DateTime _lastProgress = DateTime.UtcNow;
    private readonly ForecastRecordStore? _records;
    private readonly Dictionary<int, KeptRecords> _kept = [];
    private string? _failure;

    public ForecastMaster(string jobId, string hash, byte[] definition, ClusterForecastSettings settings, ForecastRecordStore? records)
    {
        _records = records;
        _jobId = jobId;
        _hash = hash;
        _definition = definition;
        _settings = settings;
        _ledger = new ReplicationLedger(settings.MaxBatch, settings.LeaseTimeout);
        Receive<RunRange>(Run);
        Receive<CancelRange>(_ => Cancel());
        Receive<FinishJob>(Finish);
        Receive<MasterTick>(_ => Tick());
        Receive<ClusterEvent.MemberUp>(m => Up(m.Member));
        Receive<ClusterEvent.UnreachableMember>(m => Lose(m.Member, "unreachable (the failure detector)", forGood: false));
        Receive<ClusterEvent.ReachableMember>(m => Regain(m.Member));
        Receive<ClusterEvent.IMemberEvent>(Changed);
        Receive<JobWanted>(Wanted);
        Receive<WorkRequest>(Requested);
        Receive<ReplicationDone>(Done);
        Receive<JobRefused>(m => Fail($"node {Sender.Path.Address} refused the forecast: {m.Reason}"));
    }

    public ITimerScheduler Timers { get; set; } = null!;

    /// <summary>A job's master; <paramref name="records"/> logs the chunks the workers' replications stored (null: the job keeps no records).</summary>
    public static Props Props(string jobId, string hash, byte[] definition, ClusterForecastSettings settings, ForecastRecordStore? records = null) =>
        Akka.Actor.Props.Create(() => new ForecastMaster(jobId, hash, definition, settings, records));

    protected override void PreStart()
    {
        Akka.Cluster.Cluster.Get(Context.System).Subscribe(
            Self, ClusterEvent.SubscriptionInitialStateMode.InitialStateAsEvents, typeof(ClusterEvent.IMemberEvent), typeof(ClusterEvent.IReachabilityEvent));
        // Twice a second, or twice per lease timeout when that is shorter, so that a lease expires close to its deadline.
        var tick = TimeSpan.FromTicks(Math.Clamp(_settings.LeaseTimeout.Ticks / 2, TimeSpan.FromMilliseconds(5).Ticks, TimeSpan.FromMilliseconds(500).Ticks));
        Timers.StartPeriodicTimer("tick", MasterTick.Instance, tick);
    }

    protected override void PostStop()
    {
        Akka.Cluster.Cluster.Get(Context.System).Unsubscribe(Self);
        _completion?.TrySetException(new ClusterForecastException("The forecast's client actor stopped before the replications were done (its node is shutting down)."));
    }

    private void Run(RunRange range)
    {
        if (_failure is not null)
        {
            range.Completion.TrySetException(new ClusterForecastException(_failure));
            return;
        }

        _completion = range.Completion;
        _replicationDone = range.ReplicationDone;
        for (var kept = _ledger.OpenRange(range.First, range.Count); kept > 0; kept--)
        {
            _replicationDone?.Invoke();
        }

        _log.Info("Forecast job {JobId}: replications {First} to {Last} queued for {Workers} worker node(s)", _jobId, range.First, range.First + range.Count - 1, _ledger.ActiveNodes);
        CompleteOrHand();
    }

    private void Cancel()
    {
        _ledger.CancelRange();
        _completion?.TrySetCanceled();
        _completion = null;
    }

    private void Up(Member member)
    {
        _members[member.Address.ToString()] = member.Address;
        if (member.HasRole(ClusterNodeSettings.WorkerRole))
        {
            _log.Info("Forecast job {JobId}: offered to worker node {Node}", _jobId, member.Address);
            Offer(member.Address);
        }
    }

    private void Changed(ClusterEvent.IMemberEvent change)
    {
        var member = change.Member;
        if (!member.HasRole(ClusterNodeSettings.WorkerRole))
        {
            return;
        }

        switch (change)
        {
            case ClusterEvent.MemberLeft or ClusterEvent.MemberExited:
                Lose(member, "leaving the cluster", forGood: true);
                break;
            case ClusterEvent.MemberRemoved:
                Lose(member, "removed from the cluster", forGood: true);
                break;
            case ClusterEvent.MemberDowned:
                Lose(member, "downed", forGood: true);
                break;
        }
    }

    private void Lose(Member member, string why, bool forGood)
    {
        if (!member.HasRole(ClusterNodeSettings.WorkerRole))
        {
            return;
        }

        var node = member.Address.ToString();
        if (_ledger.Lose(node, why, forGood) is not { } requeued)
        {
            return;
        }

        if (forGood)
        {
            _workers.Remove(node);
        }

        _log.Warning("Forecast job {JobId}: worker node {Node} is {Why}; {Requeued} replications of its batches are back in the queue", _jobId, node, why, requeued);
        CompleteOrHand();
    }

    private void Regain(Member member)
    {
        if (member.HasRole(ClusterNodeSettings.WorkerRole) && _ledger.Regain(member.Address.ToString()))
        {
            _log.Info("Forecast job {JobId}: worker node {Node} is reachable again; offered the job again", _jobId, member.Address);
            Offer(member.Address);
        }
    }

    private void Offer(Address address)
    {
        _offered.Add(address);
        WorkerAt(address).Tell(new JobOffer(_jobId, _hash));
    }

    private ActorSelection WorkerAt(Address address) => Context.ActorSelection(new RootActorPath(address) / "user" / NodeActors.WorkerName);

    private void Wanted(JobWanted wanted)
    {
        var count = Math.Max(1, (_definition.Length + _settings.ChunkSize - 1) / _settings.ChunkSize);
        for (var i = 0; i < count; i++)
        {
            var offset = i * _settings.ChunkSize;
            Sender.Tell(new JobChunk(_jobId, _hash, i, count, _definition.AsSpan(offset, Math.Min(_settings.ChunkSize, _definition.Length - offset)).ToArray()));
        }

        _log.Info("Forecast job {JobId}: definition ({Bytes} bytes, {Chunks} chunks) sent to {Node}", _jobId, _definition.Length, count, Sender.Path.Address);
    }

    private void Requested(WorkRequest request)
    {
        var node = Sender.Path.Address.ToString();
        _workers[node] = Sender;
        _ledger.Request(node, request.Slots, request.BatchesReceived);
        CompleteOrHand();
    }

    private void Done(ReplicationDone done)
    {
        var node = Sender.Path.Address.ToString();
        if (_records is not null && done.Records is null)
        {
            Fail($"replication {done.Index} came back from {node} without its records: run the same version of ActorSim on every node");
            return;
        }

        var (delivery, keptFrom) = _ledger.Deliver(node, done.LeaseId, done.Index, new ReplicationOutcome(done.Row, done.Samples), DateTime.UtcNow);
        if (delivery == ReplicationLedger.Delivery.Duplicate && _kept.TryGetValue(done.Index, out var first) && !first.SameAs(done.Records!))
        {
            delivery = ReplicationLedger.Delivery.Conflict;
        }

        switch (delivery)
        {
            case ReplicationLedger.Delivery.Kept:
                if (_records is not null)
                {
                    _kept[done.Index] = done.Records!;
                    _records.Kept(done.Index, done.Records!);
                }

                if (_completion is not null && _ledger.InRange(done.Index))
                {
                    _replicationDone?.Invoke();
                }

                break;
            case ReplicationLedger.Delivery.Duplicate:
                _log.Info("Forecast job {JobId}: replication {Index} from {Node} again (kept from {KeptFrom}): equal, ignored", _jobId, done.Index, node, keptFrom);
                break;
            case ReplicationLedger.Delivery.Conflict:
                Fail($"replication {done.Index} gave different outcomes on {keptFrom} and {node}: run the same version of ActorSim (and of the model's catalog) on every node");
                return;
        }

        CompleteOrHand();
    }

    private void Tick()
    {
        foreach (var (node, lease, count) in _ledger.Expire(DateTime.UtcNow))
        {
            _log.Warning("Forecast job {JobId}: lease {LeaseId} of {Node} had no result for {Timeout}; its {Count} unfinished replications are back in the queue",
                _jobId, lease, node, _settings.LeaseTimeout, count);

            // A node that lost the job (its worker actor restarted) asks for it again; one that holds it asks for work.
            if (_members.TryGetValue(node, out var address))
            {
                Offer(address);
            }
        }

        if (_completion is not null && DateTime.UtcNow - _lastProgress >= _settings.ProgressInterval)
        {
            _lastProgress = DateTime.UtcNow;
            _log.Info("Forecast job {JobId}: {Progress}", _jobId, _ledger.Progress());
        }

        var waiting = _completion is not null && _ledger.ActiveNodes == 0;
        _noWorkerSince = waiting ? _noWorkerSince ?? DateTime.UtcNow : null;
        if (_noWorkerSince is { } since && DateTime.UtcNow - since > _settings.WorkerWait)
        {
            Fail($"no node with role worker offered its cores within {_settings.WorkerWait.TotalSeconds:0} s (members seen: {(_members.Count == 0 ? "none" : string.Join(", ", _members.Keys))}); start workers with `actorsim node --roles worker --seed-nodes ...`");
            return;
        }

        CompleteOrHand();
    }

    private void CompleteOrHand()
    {
        if (_completion is null)
        {
            return;
        }

        if (_ledger.Completed() is { } outcomes)
        {
            _log.Info("Forecast job {JobId}: {Count} replications done", _jobId, outcomes.Count);
            var completion = _completion;
            _completion = null;
            completion.TrySetResult(outcomes);
            return;
        }

        foreach (var (node, lease, indices) in _ledger.Hand(DateTime.UtcNow))
        {
            _workers[node].Tell(new WorkBatch(_jobId, lease, indices));
        }
    }

    private void Fail(string reason)
    {
        _failure ??= reason;
        _log.Error("Forecast job {JobId} failed: {Reason}", _jobId, reason);
        _ledger.CancelRange();
        _completion?.TrySetException(new ClusterForecastException(reason));
        _completion = null;
    }

    private void Finish(FinishJob finish)
    {
        // Every node offered the job, also one that has not asked for work yet (it may be fetching the definition).
        foreach (var address in _offered)
        {
            WorkerAt(address).Tell(new JobEnded(_jobId));
        }

        var shares = _ledger.Shares();
        foreach (var share in shares)
        {
            _log.Info("Forecast job {JobId} on {Node}: {Batches} batches, {Replications} replications kept, {Duplicates} duplicates ignored, {Requeued} re-queued{Lost}",
                [_jobId, share.Node, share.Batches, share.Replications, share.Duplicates, share.Requeued, share.Lost is null ? string.Empty : "; lost: " + share.Lost]);
        }

        finish.Shares.TrySetResult(shares);
        Context.Stop(Self);
    }
}
