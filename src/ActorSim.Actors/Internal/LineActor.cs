using System.Diagnostics;
using ActorSim.Actors.Messages;
using ActorSim.Actors.Serialization;
using ActorSim.Egress;
using ActorSim.Engine;
using ActorSim.Engine.Pacing;
using ActorSim.Model.Building;
using ActorSim.Model.Plants;
using ActorSim.Model.Records;
using ActorSim.Model.Snapshots;
using Akka.Actor;
using Akka.Event;

namespace ActorSim.Actors.Internal;

/// <summary>
/// One line of a plant (a <see cref="WindowedLine"/>) in its own <see cref="Simulation"/>. Says <see cref="LineReady"/> to its parent (the
/// coordinator) once started; on a <see cref="Grant"/> delivers the items, runs to the horizon in slices of
/// <c>progress-interval</c> simulated seconds (a <see cref="LineProgress"/> between slices) and answers with a
/// <see cref="GrantDone"/>. Records go to its sink on this thread. An <see cref="ActorEgress"/> sink gets
/// egress actors, children of this one: the line routes its records into batches and hands each full batch to its
/// sink's actor, waiting when that sink has given no credit back, which is the backpressure that slows a line down to
/// its sink's pace; on <see cref="FinishLine"/> it drains them. It times how long it waits for grants
/// (<see cref="LineStats.SyncWaitSeconds"/>), puts its egress state in its notes, and warns naming the sink when one
/// holds it back (<c>slow-sink-warning</c>). Any other sink that is <see cref="IAsyncDisposable"/> is disposed at the end.
/// </summary>
internal sealed class LineActor : UntypedActor
{
    private readonly string _runId;
    private readonly int _index;
    private readonly double _progressInterval;
    private readonly TimeSpan _lineTurn;
    private readonly ActorRunnerSettings _settings;
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly Simulation _simulation;
    private readonly Stopwatch _busy = new();
    private readonly Stopwatch _syncWait = new();
    private readonly SlowSinkWatch _slowSinks;
    private readonly IRecordSink? _sink;
    private readonly ActorEgress? _egress;
    private readonly WindowedLine? _line;
    private readonly PlantModel? _plant;
    private readonly Exception? _startError;
    private readonly UntypedReceive _idle;
    private readonly UntypedReceive _running;
    private Grant? _grant;
    private readonly List<LineStateCaptured> _capturedInGrant = [];
    private readonly HashSet<ItemShipment> _restoredDeliveries = new(ReferenceEqualityComparer.Instance);
    private readonly DirectItemLedger _direct = new();
    private bool _drained;
    private bool _curtailed;
    private bool _failed;

    /// <summary>Line <paramref name="index"/> of the run <paramref name="runId"/>, whose plant and sinks this node's <see cref="NodeRuns"/> holds.</summary>
    public LineActor(string runId, int index, ActorRunnerSettings settings)
    {
        _runId = runId;
        // A paced line follows the wall clock itself (and so publishes its lag); the coordinator keeps grants short.
        var known = NodeRuns.For(Context.System).TryGet(runId, out var materials);
        // From a snapshot, the line starts at its instant.
        _simulation = new Simulation(known ? materials!.From?.AsOf ?? 0 : 0, settings.LogicalStart, settings.Factor > 0 ? PacingPolicy.WithFactor(settings.Factor) with { GoLiveAt = settings.GoLiveAt } : null);
        _index = index;
        _progressInterval = settings.ProgressInterval;
        _lineTurn = settings.LineTurn;
        _settings = settings;
        _slowSinks = new SlowSinkWatch(settings.SlowSinkWarning, Stopwatch.GetTimestamp());
        SimId = "line-" + index.ToString(System.Globalization.CultureInfo.InvariantCulture);
        try
        {
            var run = known ? materials! : throw new InvalidOperationException($"The run '{runId}' is not known on the node {Context.System.Name}; its line {index} cannot start here.");
            _plant = run.Plant;

            SimId = run.Plant.Lines[index].SimId;
            _sink = run.SinkFor(run.Plant.Lines[index]);
            _egress = _sink as ActorEgress;
            _egress?.Attach(Context);
            // Items are checked as they are sent: a local run refuses what could not cross the wire, as a remote one would.
            _line = new WindowedLine(run.Plant, index, _simulation, _sink, run.Seed, run.From?.Lines[index], run.From?.Kind ?? SnapshotKind.Exact, ShipmentConversion.CheckAttributes);
            if (run.From?.Lines[index].InTransit.Count > 0)
            {
                // Items in transit at the snapshot the line starts from: delivered by its restore, unknown to the coordinator.
                _restoredDeliveries.UnionWith(SnapshotCapture.NotArrived(_line.Line));
            }
        }
#pragma warning disable CA1031 // A line that cannot start fails the run with its name, as a running line does.
        catch (Exception e)
#pragma warning restore CA1031
        {
            _startError = e;
        }

        _idle = Idle;
        _running = Running;
    }

    /// <summary>The line's sim id (<c>line-&lt;index&gt;</c> when its run is not known here).</summary>
    private string SimId { get; }

    /// <summary>The items the line has sent (0 when it did not start).</summary>
    private long ItemsSent => _line?.Line.ItemsSent ?? 0;

    /// <summary>
    /// Props of plain data (run id, index, settings), fit to cross nodes: the line takes its model and sinks from the
    /// <see cref="NodeRuns"/> of the system it starts in.
    /// </summary>
    public static Props Props(string runId, int index, ActorRunnerSettings settings) =>
        Akka.Actor.Props.Create(typeof(LineActor), runId, index, settings);

    protected override void PreStart()
    {
        if (_startError is not null)
        {
            Fail(_startError);
            return;
        }

        NodeRuns.For(Context.System).AddLine(_runId, _index, Self);
        Context.Parent.Tell(new LineReady(_runId, _index, _simulation.Now, _simulation.Peek()));
        _syncWait.Start();
    }

    protected override void PostStop()
    {
        NodeRuns.For(Context.System).RemoveLine(_runId, _index);
        if (_drained)
        {
            return;
        }

        // Stopped before FinishLine (a failed or abandoned run): its egress actors, stopped first, left their batches in
        // the sinks' queues; store them here, as far as the stores allow.
        if (_egress is not null)
        {
            foreach (var problem in _egress.WriteAfterStop(_failed))
            {
                _log.Warning("Line {SimId}: writing its records after the run stopped: {Problem}", SimId, problem);
            }

            _egress.Fail($"Line '{SimId}' stopped before its egress was drained; its records were written after the stop, as far as the stores allowed.");
        }

        if (_sink is IAsyncDisposable disposable)
        {
            // Any other closable sink: still write what the line produced, best effort.
            try
            {
                Task.Run(() => disposable.DisposeAsync().AsTask()).Wait(TimeSpan.FromSeconds(30));
            }
            catch (AggregateException e)
            {
                _log.Warning("Line {SimId}: egress drain after stop failed: {Reason}", SimId, e.InnerException?.Message ?? e.Message);
            }
        }
    }

    protected override void OnReceive(object message) => Idle(message);

    /// <summary>Takes only its run's messages; another run's is logged and dropped (its coordinator is not this line's).</summary>
    protected override bool AroundReceive(Receive receive, object message)
    {
        if (message is not IRunMessage run || string.Equals(run.RunId, _runId, StringComparison.Ordinal))
        {
            return base.AroundReceive(receive, message);
        }

        _log.Warning("Line {SimId} dropped {Message} of run '{OtherRun}' from {Sender}: it belongs to run '{RunId}'.", SimId, message.GetType().Name, run.RunId, Sender.Path, _runId);
        return true;
    }

    /// <summary>Between grants: as <see cref="Failed"/>, a grant starts running, and the line's state is captured on request.</summary>
    private void Idle(object message)
    {
        switch (message)
        {
            case Grant grant:
                OnGrant(grant);
                break;
            case CaptureState capture:
                Context.Parent.Tell(Capture(capture.WithEgress));
                break;
            case LinePeers peers:
                _direct.Connect(peers, line => NodeRuns.For(Context.System).TryGetLine(_runId, line, out var actor) ? actor : null);
                break;
            case DirectItems items:
                _direct.Hold(items);
                break;
            default:
                Failed(message);
                break;
        }
    }

    /// <summary>
    /// The line's exact state now, between grants (every event before its horizon processed, none at it); for a
    /// checkpoint, with its egress state and the chunks stored since the last one.
    /// </summary>
    private LineStateCaptured Capture(bool withEgress)
    {
        try
        {
            // A checkpoint's coordinator knows the items it handed over that have not arrived: the state lists only those
            // the line's restore scheduled.
            var state = SnapshotJson.WriteLine(SnapshotCapture.CaptureLine(_plant!, _line!.Line, withEgress ? _restoredDeliveries.Contains : null));
            return withEgress
                ? new LineStateCaptured(_runId, _index, state, null, _egress?.Checkpoint() ?? [], _egress?.TakeStoredChunks() ?? [])
                : new LineStateCaptured(_runId, _index, state, null);
        }
        catch (Exception e) when (e is SnapshotException or NotSupportedException or InvalidOperationException)
        {
            return new LineStateCaptured(_runId, _index, null, e.Message);
        }
    }

    private void Running(object message)
    {
        switch (message)
        {
            case ContinueGrant:
                RunSlice();
                break;
            case Curtail:
                _curtailed = true;
                break;
            case DirectItems items:
                _direct.Hold(items);
                break;
            case Grant g:
                Fail(new InvalidOperationException($"got a grant for round {g.Round} while still running round {_grant?.Round}"));
                break;
            case FinishLine:
                Fail(new InvalidOperationException("told to finish while running a grant"));
                break;
            default:
                Unhandled(message);
                break;
        }
    }

    private void Failed(object message)
    {
        switch (message)
        {
            case FinishLine:
                Finish();
                break;
            case Curtail or DirectItems:
                break;
            default:
                Unhandled(message);
                break;
        }
    }

    private void OnGrant(Grant grant)
    {
        _syncWait.Stop();
        if (grant.Line != _index)
        {
            Fail(new InvalidOperationException($"got a grant for line {grant.Line}"));
            return;
        }

        _busy.Restart();
        try
        {
            if (grant.Direct is { Count: > 0 } direct)
            {
                _line!.Deliver(grant.Deliveries, _direct.Release(direct));
            }
            else
            {
                _line!.Deliver(grant.Deliveries);
            }
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            Fail(e);
            return;
        }

        _grant = grant;
        Become(_running);
        RunSlice();
    }

    /// <summary>
    /// Runs slices of the grant for one turn (<c>line-turn</c> of wall time), a progress note after each; then gives the
    /// thread back (<see cref="ContinueGrant"/>), or reports once the grant is done or curtailed.
    /// </summary>
    private void RunSlice()
    {
        var grant = _grant!;
        var turn = Stopwatch.GetTimestamp();
        double target;
        EgressStatus? egress;
        while (true)
        {
            // Curtailed (a pause or stop is waiting): end the grant where the last slice ended; slicing changes no record.
            target = _curtailed ? _simulation.Now : Math.Min(grant.Horizon, _simulation.Now + _progressInterval);
            var captureAt = NextCaptureAt(grant);
            if (captureAt is { } instant)
            {
                // A checkpoint's instant inside the grant: the slice ends there, and the state is captured before any event at it.
                target = Math.Min(target, instant);
            }

            _busy.Start();
            try
            {
                _simulation.RunUntil(target);
            }
#pragma warning disable CA1031 // Whatever a line throws fails the run with the line's name and time, never the dispatcher.
            catch (Exception e)
#pragma warning restore CA1031
            {
                Fail(e);
                return;
            }

            _busy.Stop();
            if (captureAt == target)
            {
                // The items it sent straight that are in transit at the instant go with its state: only this line saw them all.
                var state = Capture(grant.CaptureEgress);
                _capturedInGrant.Add(state.StateJson is null ? state : state with { InTransitOut = _direct.InTransitAt(target, _line!.Unreported) });
            }

            egress = EgressNow();
            if (target >= grant.Horizon || _curtailed)
            {
                break;
            }

            Context.Parent.Tell(new LineProgress(_runId, _index, _simulation.Now, _simulation.ProcessedEvents, egress));
            if (Stopwatch.GetElapsedTime(turn) >= _lineTurn)
            {
                Self.Tell(ContinueGrant.Instance);
                return;
            }
        }

        double? reached = target < grant.Horizon ? _simulation.Now : null;
        _curtailed = false;
        _grant = null;
        Become(_idle);
        var report = _line!.Report(reached);
        // The state captured at the grant's instant goes with the report: no further round trip for it.
        LineStateCaptured[]? captured = _capturedInGrant.Count > 0 ? [.. _capturedInGrant] : null;
        _capturedInGrant.Clear();
        // Items for lines on this node go to them straight, before the report: they are in their mailboxes before any grant the report leads to.
        var (relayed, direct) = _direct.Send(_runId, _index, report.Sent, Self, _simulation.Now);
        Context.Parent.Tell(new GrantDone(_runId, grant.Round, _index, report.NextEventTime, relayed, _simulation.ProcessedEvents, _busy.Elapsed.TotalSeconds, egress, reached, captured, direct));
        _syncWait.Start();
    }

    /// <summary>The next instant of the grant to capture the state at, or null (none left, or curtailed).</summary>
    private double? NextCaptureAt(Grant grant)
    {
        if (!grant.Capture || _curtailed)
        {
            return null;
        }

        if (grant.CaptureAt is not { } instants)
        {
            return _capturedInGrant.Count == 0 ? grant.Horizon : null;
        }

        return _capturedInGrant.Count < instants.Count ? instants[_capturedInGrant.Count] : null;
    }

    /// <summary>The pipeline's state for a note, after warning about any sink that held the line back since the last ones.</summary>
    private EgressStatus? EgressNow()
    {
        if (_egress is null)
        {
            return null;
        }

        var sinks = _egress.Progress();
        foreach (var slow in _slowSinks.Check(sinks, Stopwatch.GetTimestamp()))
        {
            _log.Warning("Line {SimId}: sink {Sink} is slow: publishing blocked {Blocked} s of the last {Wall} s (at t={SimTime}), {QueuedBatches} batches queued, {Records} records written",
                [SimId, slow.Sink.Sink, Math.Round(slow.Blocked.TotalSeconds, 3), Math.Round(slow.Over.TotalSeconds, 3), _settings.FormatTime(_simulation.Now), slow.Sink.QueuedBatches, slow.Sink.Written]);
        }

        var written = 0L;
        var queued = 0;
        var blocked = TimeSpan.Zero;
        foreach (var sink in sinks)
        {
            written += sink.Written;
            queued += sink.QueuedBatches;
            blocked += sink.PublishBlocked;
        }

        return new EgressStatus(written, queued, blocked.TotalSeconds);
    }

    private void Fail(Exception e)
    {
        var time = e is SimulationException s ? s.SimulatedTime : _simulation.Now;
        var cause = e is SimulationException { InnerException: { } inner } ? inner : e;
        // The run's outcome reports the failure (the coordinator's RunFailed, the runner's exception): logged at Info only.
        _log.Info("Line {SimId} failed at t={SimTime}: {Reason}", SimId, _settings.FormatTime(time), cause.Message);
        // What the line's batches still hold is queued without waiting for credits: nothing holds up the failure.
        _egress?.FlushAfterFailure();
        _failed = true;
        _grant = null;
        Become(Failed);
        // An egress error's message is complete (sink, chunk, store, records not written); any other error keeps its type.
        var reason = cause is EgressException ? cause.Message : $"{cause.GetType().Name}: {cause.Message}";
        Context.Parent.Tell(new LineFailed(_runId, _index, SimId, time, reason));
    }

    private void Finish()
    {
        _syncWait.Stop();
        var started = Stopwatch.StartNew();
        if (_egress is not null)
        {
            DrainEgress(_egress, started);
            return;
        }

        if (_sink is not IAsyncDisposable disposable)
        {
            _drained = true;
            Context.Parent.Tell(new LineFinished(_runId, _index, _simulation.ProcessedEvents, ItemsSent, -1, 0, null, _syncWait.Elapsed.TotalSeconds));
            return;
        }

        Become(message =>
        {
            if (message is EgressDrained drained)
            {
                // Keep the egress exception's own message: it names the sink, the chunk, the store and the records not written.
                var error = drained.Error switch
                {
                    null => null,
                    AggregateException { InnerException: { } inner } => inner.Message,
                    var e => e.Message,
                };
                Finished(-1, started.Elapsed.TotalSeconds, error, 0);
            }
            else
            {
                Unhandled(message);
            }
        });
        disposable.DisposeAsync().AsTask().PipeTo(Self, success: () => new EgressDrained(null), failure: e => new EgressDrained(e));
    }

    private void DrainEgress(ActorEgress egress, Stopwatch started)
    {
        try
        {
            egress.Drain(Self);
        }
        catch (EgressException e)
        {
            egress.Fail(e.Message);
            Finished(egress.Written, started.Elapsed.TotalSeconds, e.Message, egress.PublishBlocked.TotalSeconds);
            return;
        }

        Become(message =>
        {
            if (message is SinkDrained drained)
            {
                if (egress.Drained(drained))
                {
                    var error = egress.Completion.Exception?.InnerException?.Message;
                    var written = egress.Written;
                    _log.Info("Line {SimId}: egress drained in {Seconds} s, {Records} records written", SimId, Math.Round(started.Elapsed.TotalSeconds, 3), written);
                    Finished(written, started.Elapsed.TotalSeconds, error, egress.PublishBlocked.TotalSeconds);
                }
            }
            else
            {
                Unhandled(message);
            }
        });
    }

    private void Finished(long written, double seconds, string? error, double blockedSeconds)
    {
        _drained = true;
        Context.Parent.Tell(new LineFinished(_runId, _index, _simulation.ProcessedEvents, ItemsSent, written, seconds, error, _syncWait.Elapsed.TotalSeconds, blockedSeconds));
    }
}
