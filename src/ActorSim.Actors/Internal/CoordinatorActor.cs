using System.Diagnostics;
using System.Globalization;
using ActorSim.Actors.Messages;
using ActorSim.Model.Plants;
using ActorSim.Model.Snapshots;
using Akka.Actor;
using Akka.Event;

namespace ActorSim.Actors.Internal;

/// <summary>
/// Runs a plant's lines under conservative synchronization by wrapping a <see cref="SyncCoordinatorCore"/>. Grants go
/// out as lines report (<see cref="GrantMode.Eager"/>) or a round at a time (<see cref="GrantMode.Rounds"/>). States:
/// <see cref="Idle"/> (waits for <see cref="StartRun"/>), <see cref="Starting"/> (collects <see cref="LineReady"/>),
/// <see cref="Running"/> (grants are out, collecting reports), <see cref="Paused"/>, <see cref="Finishing"/>
/// (lines drain their egress) and <see cref="Done"/>. Lines are watched (DeathWatch) and a periodic watchdog fails
/// the run naming any line that stays silent longer than <c>line-report-timeout</c>.
/// </summary>
internal sealed class CoordinatorActor : UntypedActor, IWithTimers
{
    private const string WatchdogKey = "watchdog";
    private const string PaceKey = "pace";
    private readonly string _runId;
    private readonly SyncCoordinatorCore _core;
    private readonly IReadOnlyList<string> _simIds;
    private readonly LineStarter _startLine;
    private readonly ActorRunnerSettings _settings;
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly IActorRef[] _lines;
    private readonly Dictionary<IActorRef, int> _indexOf = [];
    private readonly HashSet<int> _awaiting = [];
    private readonly long[] _lastHeard;
    private readonly Func<long> _clock;
    private readonly long[] _grantRound;
    private readonly bool[] _warned;
    private readonly RunTracker _tracker;
    private readonly List<IActorRef> _pausers = [];
    private readonly List<IActorRef> _stoppers = [];
    private readonly UntypedReceive _running;
    private IActorRef _requester = ActorRefs.Nobody;
    private bool _pauseRequested;
    private bool _stopRequested;
    private int _finishing;
    private long _paceAnchor;
    private double? _liveFrom;
    private double _startedAt;
    private readonly SnapshotRequest? _snapshot;
    private LineSnapshot?[]? _captured;
    private LineStateCaptured?[]? _reportedStates;
    private readonly List<CheckpointInFlight> _inFlight = [];
    private List<ItemShipment>[]? _handed;
    private List<CheckpointInFlight>?[]? _askedIn;
    private int _checkpointsOpened;
    private bool _ended;
    private int _snapshotsTaken;
    private long _captureStarted;
    private TimeSpan _capturing;
    private TimeSpan _lastLineCaptured;

    // clock: Stopwatch timestamps for the silent-line watchdog; Stopwatch.GetTimestamp unless a test drives it.
    public CoordinatorActor(
        string runId, SyncCoordinatorCore core, IReadOnlyList<string> simIds, LineStarter startLine, ActorRunnerSettings settings, Func<long>? clock = null, SnapshotRequest? snapshot = null)
    {
        _runId = runId;
        _snapshot = snapshot;
        _core = core;
        _clock = clock ?? Stopwatch.GetTimestamp;
        _simIds = simIds;
        _startLine = startLine;
        _settings = settings;
        _lines = new IActorRef[simIds.Count];
        _lastHeard = new long[simIds.Count];
        _grantRound = new long[simIds.Count];
        _warned = new bool[simIds.Count];
        _tracker = new RunTracker(simIds, settings.EffectiveParallelism);
        _running = Running;
    }

    public ITimerScheduler Timers { get; set; } = null!;

    public static Props Props(
        string runId, SyncCoordinatorCore core, IReadOnlyList<string> simIds, LineStarter startLine, ActorRunnerSettings settings, Func<long>? clock = null, SnapshotRequest? snapshot = null) =>
        Akka.Actor.Props.CreateBy(new ActorFactory<CoordinatorActor>(() => new CoordinatorActor(runId, core, simIds, startLine, settings, clock, snapshot)));

    protected override void OnReceive(object message) => Idle(message);

    /// <summary>
    /// Takes only this run's messages: a line's message of another run fails the run (a line was wired wrongly);
    /// a request of another run is logged and dropped.
    /// </summary>
    protected override bool AroundReceive(Receive receive, object message)
    {
        if (message is not IRunMessage run || string.Equals(run.RunId, _runId, StringComparison.Ordinal))
        {
            return base.AroundReceive(receive, message);
        }

        if (message is LineReady or GrantDone or LineProgress or LineFailed or LineFinished)
        {
            Fail($"{message.GetType().Name} of run '{run.RunId}' from {Sender.Path} reached run '{_runId}'.", null, double.NaN);
        }
        else
        {
            _log.Warning("Dropped {Message} of run '{OtherRun}' from {Sender}: this is run '{RunId}'.", message.GetType().Name, run.RunId, Sender.Path, _runId);
        }

        return true;
    }

    protected override SupervisorStrategy SupervisorStrategy() => Akka.Actor.SupervisorStrategy.StoppingStrategy;

    private double EndTime => _core.Schedule.EndTime;

    private void Idle(object message)
    {
        switch (message)
        {
            case GetProgress:
                ReplyProgress();
                break;
            case StartRun when _stopRequested:
                Sender.Tell(new RunStopped(_runId, _tracker.Stats(0, 0, 0), 0));
                break;
            case StartRun:
                Start();
                break;
            case Stop:
                _stopRequested = true;
                Sender.Tell(new RunStopped(_runId, _tracker.Stats(0, 0, 0), 0));
                break;
            default:
                Unhandled(message);
                break;
        }
    }

    private void Starting(object message)
    {
        if (message is LineReady ready)
        {
            OnReady(ready);
        }
        else
        {
            ReceiveCommon(message);
        }
    }

    private void Running(object message)
    {
        switch (message)
        {
            case GrantDone report:
                OnReport(report);
                break;
            case PaceTick:
                Advance();
                break;
            case LineProgress progress:
                OnProgress(progress);
                break;
            default:
                ReceiveCommon(message);
                break;
        }
    }

    private void Paused(object message)
    {
        switch (message)
        {
            case Resume:
                _pauseRequested = false;
                Sender.Tell(new RunResumed(_runId, _core.Rounds));
                _log.Info("Run resumed after round {Round}", _core.Rounds);
                Advance();
                break;
            case Pause:
                Sender.Tell(new RunPaused(_runId, _core.Rounds, ReachedTime()));
                break;
            case PaceTick:
                break;
            case Stop:
                AddStopper();
                Finish(completed: false);
                break;
            default:
                ReceiveFailures(message);
                break;
        }
    }

    private void Finishing(object message)
    {
        switch (message)
        {
            case LineFinished finished:
                OnFinished(finished);
                break;
            case PaceTick or Pause or Resume:
                break;
            case Stop:
                AddStopper();
                break;
            default:
                ReceiveFailures(message);
                break;
        }
    }

    /// <summary>After the outcome: everything still arriving is ignored.</summary>
    private static void Done(object message)
    {
    }

    private void ReceiveCommon(object message)
    {
        switch (message)
        {
            case Pause:
                _pauseRequested = true;
                _pausers.Add(Sender);
                CurtailLines();
                break;
            case Resume:
                _pauseRequested = false;
                foreach (var pauser in _pausers)
                {
                    pauser.Tell(new RunResumed(_runId, _core.Rounds));
                }

                _pausers.Clear();
                Sender.Tell(new RunResumed(_runId, _core.Rounds));
                break;
            case Stop:
                _stopRequested = true;
                AddStopper();
                CurtailLines();
                break;
            default:
                ReceiveFailures(message);
                break;
        }
    }

    /// <summary>Asks lines still running a grant to stop at their next slice, so a pause or stop needs no long grant to end.</summary>
    private void CurtailLines()
    {
        foreach (var line in _lines)
        {
            line?.Tell(new Curtail(_runId));
        }
    }

    private void ReceiveFailures(object message)
    {
        switch (message)
        {
            case GetProgress:
                ReplyProgress();
                break;
            case LineFailed f:
                Fail(string.Create(CultureInfo.InvariantCulture, $"Line '{f.SimId}' failed at t={_settings.FormatTime(f.SimulatedTime)}: {f.Reason}"), f.SimId, f.SimulatedTime);
                break;
            case Terminated t:
                if (_indexOf.TryGetValue(t.ActorRef, out var line))
                {
                    var at = _settings.FormatTime(_core.ReachedTime(line));
                    Fail(t.AddressTerminated
                            ? $"Line '{_simIds[line]}' was lost with its node {t.ActorRef.Path.Address} at t={at} (the node died or was cut off)."
                            : $"Line '{_simIds[line]}' stopped unexpectedly at t={at} (its actor terminated; see the log for its error).",
                        _simIds[line], _core.ReachedTime(line), lineGone: true);
                }

                break;
            case WatchdogTick:
                Watch();
                break;
            default:
                Unhandled(message);
                break;
        }
    }

    private void Start()
    {
        _requester = Sender;
        _tracker.Start();
        _log.Info("Run starting: {Lines} lines until t={EndTime}, {Links} links, {Threads} line threads",
            _simIds.Count, EndTime, _core.Schedule.Links.Count, _settings.EffectiveParallelism);
        var now = Stopwatch.GetTimestamp();
        _paceAnchor = now;
        for (var i = 0; i < _lines.Length; i++)
        {
            var line = _startLine(Context, i);
            _lines[i] = line;
            _indexOf[line] = i;
            _awaiting.Add(i);
            _lastHeard[i] = _clock();
            Context.Watch(line);
        }

        var tick = TimeSpan.FromTicks(Math.Max(TimeSpan.FromMilliseconds(10).Ticks, _settings.LineReportTimeout.Ticks / 4));
        Timers.StartPeriodicTimer(WatchdogKey, WatchdogTick.Instance, tick);
        Become(Starting);
    }

    private void OnReady(LineReady ready)
    {
        if (!CheckSender(ready.Line, "LineReady") || !_awaiting.Remove(ready.Line))
        {
            return;
        }

        try
        {
            _core.Ready(ready.Line, ready.Now, ready.NextEventTime);
            _startedAt = ready.Now;
        }
        catch (ArgumentException e)
        {
            Fail(e.Message, _simIds[ready.Line], ready.Now);
            return;
        }

        if (_awaiting.Count == 0)
        {
            _requester.Tell(new RunStarted(_runId, _simIds.Count, EndTime));
            _log.Info("Run started: all {Lines} lines ready", _simIds.Count);
            ConnectPeers();
            Advance();
        }
    }

    /// <summary>
    /// Tells each line which of the lines it sends to run on its node, to send their items straight to them: the
    /// coordinator then hears only how many (in a run that takes checkpoints each sender lists its items in transit at
    /// an instant). A run that takes snapshots counts every item in transit as it holds them, so its items all come
    /// through the coordinator.
    /// </summary>
    private void ConnectPeers()
    {
        if ((_snapshot is not null && !Checkpointing) || !_settings.DirectItems)
        {
            return;
        }

        for (var i = 0; i < _lines.Length; i++)
        {
            var node = _lines[i].Path.Address;
            var peers = new List<int>();
            foreach (var destination in _core.Schedule.Destinations(i))
            {
                if (_lines[destination].Path.Address == node)
                {
                    peers.Add(destination);
                }
            }

            if (peers.Count > 0)
            {
                _lines[i].Tell(new LinePeers(_runId, i, peers, EndTime, Checkpointing));
            }
        }
    }

    private void Advance()
    {
        if (SnapshotDue())
        {
            StartCapture();
        }
        else if (_core.IsFinished)
        {
            Finish(completed: true);
        }
        else if (_stopRequested)
        {
            // Eager grants: lines still running finish their (curtailed) grants first.
            if (_awaiting.Count == 0)
            {
                Finish(completed: false);
            }
        }
        else if (_pauseRequested)
        {
            if (_awaiting.Count > 0)
            {
                return;
            }

            var reached = ReachedTime();
            foreach (var pauser in _pausers)
            {
                pauser.Tell(new RunPaused(_runId, _core.Rounds, reached));
            }

            _pausers.Clear();
            _log.Info("Run paused after round {Round} at t={SimTime}", _core.Rounds, reached);
            Become(Paused);
        }
        else
        {
            NextRound();
        }
    }

    private void NextRound()
    {
        IReadOnlyList<LineGrant> grants;
        try
        {
            var limit = double.PositiveInfinity;
            if (_settings.Factor > 0)
            {
                limit = PacedLimit();
            }

            // A snapshot to take: no line goes past its instant until it is taken. Lines run across checkpoints'
            // instants, each capturing inside its grants (CheckpointInFlight).
            _core.HorizonLimit = !Checkpointing && NextSnapshotAt is { } at ? Math.Min(limit, at) : limit;

            grants = _settings.Grants == GrantMode.Eager ? _core.NextGrants() : _core.NextRound();
        }
        catch (InvalidOperationException e)
        {
            Fail(e.Message, null, double.NaN);
            return;
        }

        if (grants.Count == 0 && _awaiting.Count > 0)
        {
            // Eager grants: no line that has reported can advance yet; the next report may change that.
            return;
        }

        if (grants.Count == 0)
        {
            // Every line is at the wall clock's limit: look again after a quarter of a pacing step of wall time.
            var wait = TimeSpan.FromSeconds(Math.Max(0.001, _settings.PacingStep * _settings.Factor / 4));
            Timers.StartSingleTimer(PaceKey, PaceTick.Instance, wait);
            return;
        }

        var now = _clock();
        var items = 0;
        foreach (var grant in grants)
        {
            _awaiting.Add(grant.Line);
            _lastHeard[grant.Line] = now;
            _warned[grant.Line] = false;
            items += grant.Deliveries.Count;
            _tracker.Granted(grant.Line);
            _grantRound[grant.Line] = _core.Rounds;
            if (Checkpointing)
            {
                var asked = CheckpointsIn(grant);
                var capture = asked.Count > 0;
                _lines[grant.Line].Tell(new Grant(_runId, _core.Rounds, grant.Line, grant.Horizon, grant.Deliveries, capture, capture, capture ? asked.ConvertAll(c => c.At) : null,
                    grant.Direct is { Count: > 0 } direct ? direct : null));
            }
            else
            {
                var capture = !Checkpointing && NextSnapshotAt == grant.Horizon;
                _lines[grant.Line].Tell(new Grant(_runId, _core.Rounds, grant.Line, grant.Horizon, grant.Deliveries, capture, Direct: grant.Direct is { Count: > 0 } direct ? direct : null));
            }
        }

        if (_log.IsDebugEnabled)
        {
            _log.Debug("Round {Round}: {Grants} grants, {Items} items delivered, horizons t={MinHorizon}..{MaxHorizon}",
                _core.Rounds, grants.Count, items, grants.Min(g => g.Horizon), grants.Max(g => g.Horizon));
        }

        if (_core.Rounds % _settings.LogEveryRounds == 0)
        {
            LogProgress();
        }

        Become(_running);
    }

    /// <summary>
    /// Real time: grant no further than the wall clock allows, one pacing step ahead of where the run was anchored to it.
    /// With a go-live instant, the lines backfill to it unpaced; the run is anchored there once they all reach it.
    /// </summary>
    private double PacedLimit()
    {
        if (_liveFrom is null)
        {
            var goLive = _settings.GoLiveAt ?? double.NegativeInfinity;
            var reached = ReachedTime();
            if (reached < goLive)
            {
                return goLive;
            }

            _liveFrom = Math.Max(goLive, _startedAt);
            _paceAnchor = Stopwatch.GetTimestamp();
        }

        return _liveFrom.Value + (Stopwatch.GetElapsedTime(_paceAnchor).TotalSeconds / _settings.Factor) + _settings.PacingStep;
    }

    /// <summary>The instant of the next snapshot to take, or null.</summary>
    private double? NextSnapshotAt => _snapshot is { } snapshot && _snapshotsTaken < snapshot.Times.Count ? snapshot.Times[_snapshotsTaken] : null;

    /// <summary>True when the snapshots are checkpoints, collected while the lines run (<see cref="CheckpointInFlight"/>).</summary>
    private bool Checkpointing => _snapshot?.Checkpointed is not null;

    /// <summary>True when a snapshot is still to take and every line stands at its instant, none running.</summary>
    private bool SnapshotDue()
    {
        if (Checkpointing || NextSnapshotAt is not { } at || _stopRequested || _awaiting.Count > 0)
        {
            return false;
        }

        for (var i = 0; i < _lines.Length; i++)
        {
            if (_core.ReachedTime(i) < at)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Asks every line for its state; <see cref="Capturing"/> joins the answers.</summary>
    private void StartCapture()
    {
        _captureStarted = Stopwatch.GetTimestamp();
        _captured = new LineSnapshot?[_lines.Length];
        var reported = _reportedStates ?? new LineStateCaptured?[_lines.Length];
        _reportedStates = null;
        Become(Capturing);
        for (var i = 0; i < _lines.Length; i++)
        {
            // A line whose report at the instant brought its state is not asked again.
            if (reported[i] is null)
            {
                _lines[i].Tell(new CaptureState(_runId, WithEgress: false));
            }
        }

        // Each answer may end the capture (taken, or the run failed): then the rest are not looked at.
        for (var i = 0; i < _lines.Length && _captured is not null && !_ended; i++)
        {
            if (reported[i] is { } state)
            {
                OnCaptured(i, state);
            }
        }
    }

    private void Capturing(object message)
    {
        if (message is not LineStateCaptured captured)
        {
            ReceiveCommon(message);
            return;
        }

        if (CheckSender(captured.Line, "LineStateCaptured"))
        {
            OnCaptured(captured.Line, captured);
        }
    }

    /// <summary>Takes line <paramref name="line"/>'s state; once every line's is in, the snapshot is taken and the run goes on.</summary>
    private void OnCaptured(int line, LineStateCaptured captured)
    {
        var snapshot = _snapshot!;
        var at = snapshot.Times[_snapshotsTaken];
        if (captured.StateJson is null)
        {
            Fail($"Snapshot at t={_settings.FormatTime(at)}: line '{_simIds[line]}': {captured.Error}", _simIds[line], at);
            return;
        }

        _lastLineCaptured = Stopwatch.GetElapsedTime(_captureStarted);
        _captured![line] = SnapshotJson.ReadLine(captured.StateJson);
        if (_captured.Any(c => c is null))
        {
            return;
        }

        try
        {
            snapshot.Taken(SnapshotCapture.Assemble(snapshot.Plant, snapshot.ModelName, snapshot.Start, at, snapshot.Seed, _captured.Select(c => c!).ToArray(), _core.PendingItems));
        }
        catch (Exception e) when (e is SnapshotException or IOException or InvalidOperationException or ActorSim.Egress.ObjectStoreException)
        {
            Fail($"Snapshot at t={_settings.FormatTime(at)}: {e.Message}", null, at);
            return;
        }

        _snapshotsTaken++;
        _captured = null;
        var took = Stopwatch.GetElapsedTime(_captureStarted);
        _capturing += took;
        _log.Info("Snapshot taken at t={SimTime} in {Ms} ms (lines answered in {LinesMs} ms)", _settings.FormatTime(at), Math.Round(took.TotalMilliseconds, 2), Math.Round(_lastLineCaptured.TotalMilliseconds, 2));
        Advance();
    }

    private void LogProgress()
    {
        var wall = _tracker.WallSeconds;
        var events = _tracker.ProcessedEvents;
        var rate = wall > 0 ? Math.Round(events / wall) : 0;
        var written = _tracker.RecordsWritten;
        if (written < 0)
        {
            _log.Info("Round {Round}: lines at t={SimTime}, {Events} events, {Rate} events/s, {ItemsDelivered} items delivered",
                _core.Rounds, ReachedTime(), events, rate, _core.ItemsDelivered);
            return;
        }

        _log.Info("Round {Round}: lines at t={SimTime}, {Events} events, {Rate} events/s, {ItemsDelivered} items delivered; egress {Records} records written, {RecordRate} records/s, {QueuedBatches} batches queued",
            [_core.Rounds, ReachedTime(), events, rate, _core.ItemsDelivered, written, wall > 0 ? Math.Round(written / wall) : 0, _tracker.QueuedBatches]);
    }

    private void OnReport(GrantDone report)
    {
        if (!CheckSender(report.Line, "GrantDone"))
        {
            return;
        }

        if (report.Round != _grantRound[report.Line] || !_awaiting.Remove(report.Line))
        {
            Fail($"Line '{_simIds[report.Line]}' reported on round {report.Round}, but it was granted in round {_grantRound[report.Line]} or not awaited.", _simIds[report.Line], _core.ReachedTime(report.Line));
            return;
        }

        try
        {
            _core.Report(new LineReport(report.Line, report.NextEventTime, report.Sent, report.Reached, report.Direct));
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            Fail($"Line '{_simIds[report.Line]}': {e.Message}", _simIds[report.Line], _core.ReachedTime(report.Line));
            return;
        }

        if (Checkpointing)
        {
            if (!OnCheckpointReport(report))
            {
                return;
            }
        }
        else
        {
            // A report at a snapshot's instant brings the line's state there; any later report replaces it.
            _reportedStates ??= new LineStateCaptured?[_lines.Length];
            _reportedStates[report.Line] = report.Captured is { Count: > 0 } states ? states[^1] : null;
        }

        _tracker.Reported(report);
        if (_awaiting.Count == 0)
        {
            _tracker.RoundComplete();
            Advance();
        }
        else if (_settings.Grants == GrantMode.Eager)
        {
            Advance();
        }
    }

    /// <summary>
    /// The checkpoints' instants <paramref name="grant"/> is to capture the line's state at: those from where the line
    /// stands to the grant's horizon that it has not captured. A checkpoint is opened when a grant first reaches it,
    /// before any line can pass it. Keeps, per line, the items handed over and not arrived, which the states leave out.
    /// </summary>
    private List<CheckpointInFlight> CheckpointsIn(LineGrant grant)
    {
        var times = _snapshot!.Times;
        while (_checkpointsOpened < times.Count && times[_checkpointsOpened] <= grant.Horizon)
        {
            _inFlight.Add(new CheckpointInFlight(times[_checkpointsOpened++], _lines.Length));
        }

        // The items handed to the line that have not arrived where it stands, this grant's included: in its queue.
        var standsAt = _core.ReachedTime(grant.Line);
        _handed ??= [.. _lines.Select(_ => new List<ItemShipment>())];
        var handed = _handed[grant.Line];
        handed.RemoveAll(i => i.ArrivalTime < standsAt);
        handed.AddRange(grant.Deliveries);
        var asked = new List<CheckpointInFlight>();
        foreach (var checkpoint in _inFlight)
        {
            if (checkpoint.AskIn(grant.Line, standsAt, grant.Horizon, handed))
            {
                asked.Add(checkpoint);
            }
        }

        // The line's report answers these, in this order.
        _askedIn ??= new List<CheckpointInFlight>?[_lines.Length];
        _askedIn[grant.Line] = asked;
        return asked;
    }

    /// <summary>
    /// Feeds a report to the checkpoints being collected: the items it sent, and the states it captured, in the order of
    /// their instants. Takes each checkpoint once complete, in order. False when the run failed on one.
    /// </summary>
    private bool OnCheckpointReport(GrantDone report)
    {
        foreach (var checkpoint in _inFlight)
        {
            checkpoint.Sent(report.Sent, EndTime);
        }

        var captures = report.Captured ?? [];
        // Every grant of a checkpointed run set what it asked (CheckpointsIn).
        var asked = _askedIn![report.Line] ?? [];
        _askedIn[report.Line] = null;
        var next = 0;
        foreach (var checkpoint in asked)
        {
            if (next == captures.Count)
            {
                // Curtailed (paused) before the instant, or a line on a node of an older ActorSim: this checkpoint cannot
                // be completed; later ones can.
                _log.Warning("Checkpoint at t={SimTime} skipped: line {SimId} reported without its state there (paused before it, or its node runs an older ActorSim)",
                    _settings.FormatTime(checkpoint.At), _simIds[report.Line]);
                checkpoint.Abandon();
                continue;
            }

            var captured = captures[next++];
            if (captured.StateJson is null)
            {
                Fail($"Checkpoint at t={_settings.FormatTime(checkpoint.At)}: line '{_simIds[report.Line]}': {captured.Error}", _simIds[report.Line], checkpoint.At);
                return false;
            }

            checkpoint.Captured(report.Line, captured);
        }

        while (_inFlight.Count > 0 && (_inFlight[0].IsComplete || _inFlight[0].IsAbandoned))
        {
            var checkpoint = _inFlight[0];
            _inFlight.RemoveAt(0);
            if (checkpoint.IsAbandoned)
            {
                continue;
            }

            _snapshotsTaken++;
            try
            {
                _snapshot!.Checkpointed!(checkpoint.Checkpoint(_snapshot, _simIds, _core.PendingItems, EndTime));
            }
            catch (Exception e) when (e is SnapshotException or IOException or InvalidOperationException or ActorSim.Egress.ObjectStoreException)
            {
                Fail($"Checkpoint at t={_settings.FormatTime(checkpoint.At)}: {e.Message}", null, checkpoint.At);
                return false;
            }

            _log.Info("Checkpoint taken at t={SimTime}, each line capturing it inside its grant", _settings.FormatTime(checkpoint.At));
        }

        return true;
    }

    private void OnProgress(LineProgress progress)
    {
        if (!CheckSender(progress.Line, "LineProgress"))
        {
            return;
        }

        _lastHeard[progress.Line] = _clock();
        _warned[progress.Line] = false;
        var rate = _tracker.Progress(progress);
        if (!_log.IsDebugEnabled)
        {
            return;
        }

        if (progress.Egress is { } egress)
        {
            _log.Debug("Line {SimId} at t={SimTime}: {Events} events, {Rate} events/s; egress {Records} records written, {QueuedBatches} batches queued, publishing blocked {Blocked} s",
                [_simIds[progress.Line], progress.SimTime, progress.ProcessedEvents, Math.Round(rate), egress.RecordsWritten, egress.QueuedBatches, Math.Round(egress.BlockedSeconds, 3)]);
        }
        else
        {
            _log.Debug("Line {SimId} at t={SimTime}: {Events} events, {Rate} events/s", _simIds[progress.Line], progress.SimTime, progress.ProcessedEvents, Math.Round(rate));
        }
    }

    private void Watch()
    {
        var now = _clock();
        var timeout = _settings.LineReportTimeout;
        foreach (var line in _awaiting.Order())
        {
            var silent = Stopwatch.GetElapsedTime(_lastHeard[line], now);
            if (silent >= timeout)
            {
                Fail(string.Create(CultureInfo.InvariantCulture,
                    $"Line '{_simIds[line]}' has been silent for {silent.TotalSeconds:0.###} s (line-report-timeout {timeout.TotalSeconds:0.###} s) at t={_settings.FormatTime(_core.ReachedTime(line))} in round {_core.Rounds}; it is stuck or far too slow. Raise actorsim.actors.line-report-timeout if its grants are legitimately long."),
                    _simIds[line], _core.ReachedTime(line));
                return;
            }

            if (silent >= timeout / 2 && !_warned[line])
            {
                _warned[line] = true;
                _log.Warning("Line {SimId} silent for {Seconds} s in round {Round}", _simIds[line], Math.Round(silent.TotalSeconds, 3), _core.Rounds);
            }
        }
    }

    private void Finish(bool completed)
    {
        Timers.Cancel(WatchdogKey);
        _stopRequested = !completed;
        _finishing = _lines.Length;
        foreach (var line in _lines)
        {
            line.Tell(new FinishLine(_runId));
        }

        Become(Finishing);
    }

    private void OnFinished(LineFinished finished)
    {
        if (!CheckSender(finished.Line, "LineFinished"))
        {
            return;
        }

        if (finished.EgressError is not null)
        {
            Fail($"Line '{_simIds[finished.Line]}': egress failed while draining: {finished.EgressError}", _simIds[finished.Line], _core.ReachedTime(finished.Line));
            return;
        }

        _tracker.Finished(finished);
        if (--_finishing > 0)
        {
            return;
        }

        var stats = _tracker.Stats(_core.Rounds, _core.Grants, _core.ItemsDelivered);
        if (_snapshotsTaken > 0)
        {
            if (Checkpointing)
            {
                _log.Info("{Count} checkpoints taken, each line capturing them inside its grants", _snapshotsTaken);
            }
            else
            {
                _log.Info("{Count} snapshots taken in {Seconds} s", _snapshotsTaken, Math.Round(_capturing.TotalSeconds, 3));
            }
        }

        _log.Info("Run {Outcome}: {Rounds} rounds, {Grants} grants, {Events} events in {Wall} s; waiting on reports {Waiting} s; parallel efficiency {Efficiency}",
            [_stopRequested ? "stopped" : "completed", stats.Rounds, stats.Grants, stats.ProcessedEvents, Math.Round(stats.WallSeconds, 3),
            Math.Round(stats.WaitingSeconds, 3), Math.Round(stats.ParallelEfficiency, 3)]);
        foreach (var line in stats.Lines)
        {
            // RecordsWritten is -1 when the line's sink is not an egress pipeline (nothing to account for).
            _log.Info("Line {SimId}: {Events} events, {Grants} grants, busy {Busy} s, sync wait {SyncWait} s, egress blocked {EgressBlocked} s, {Records} records written",
                [line.SimId, line.ProcessedEvents, line.Grants, Math.Round(line.BusySeconds, 3), Math.Round(line.SyncWaitSeconds, 3), Math.Round(line.EgressBlockedSeconds, 3),
                line.RecordsWritten >= 0 ? line.RecordsWritten : "no egress"]);
        }

        if (_stopRequested)
        {
            var stopped = new RunStopped(_runId, stats, ReachedTime());
            _requester.Tell(stopped);
            foreach (var stopper in _stoppers.Where(s => !s.Equals(_requester)))
            {
                stopper.Tell(stopped);
            }
        }
        else
        {
            _requester.Tell(new RunCompleted(_runId, stats));
        }

        Become(Done);
        Context.Stop(Self);
    }

    private void Fail(string reason, string? simId, double simulatedTime, bool lineGone = false)
    {
        // The requester gets the reason (ActorPlantRunner throws it): logged at Info, as a completed run is.
        _log.Info("Run failed: {Reason}", (object)reason);
        _ended = true;
        var failed = new RunFailed(_runId, reason, simId, simulatedTime, lineGone);
        _requester.Tell(failed);
        foreach (var other in _stoppers.Concat(_pausers).Where(s => !s.Equals(_requester)).Distinct())
        {
            other.Tell(failed);
        }

        Timers.CancelAll();
        Become(Done);
        Context.Stop(Self);
    }

    private void ReplyProgress() =>
        Sender.Tell(new RunProgress(_runId, _core.Rounds, ReachedTime(), EndTime, _tracker.ProcessedEvents, _tracker.RecordsWritten));

    private void AddStopper()
    {
        if (!Sender.Equals(Context.System.DeadLetters))
        {
            _stoppers.Add(Sender);
        }
    }

    private bool CheckSender(int line, string what)
    {
        if ((uint)line < (uint)_lines.Length && _lines[line].Equals(Sender))
        {
            return true;
        }

        Fail($"{what} for line {line} came from {Sender.Path}, which is not that line's actor.", null, double.NaN);
        return false;
    }

    private double ReachedTime()
    {
        var reached = double.PositiveInfinity;
        for (var i = 0; i < _lines.Length; i++)
        {
            reached = Math.Min(reached, _core.ReachedTime(i));
        }

        return reached;
    }
}
