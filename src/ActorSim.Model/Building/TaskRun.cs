using System.Runtime.CompilerServices;
using ActorSim.Engine;
using ActorSim.Model.Plants.Internal;
using ActorSim.Model.Records;
using ActorSim.Model.Resources;

namespace ActorSim.Model.Building;

/// <summary>
/// The steps of one task, as a hand-written state machine so that the line can reuse it (and its process) for the
/// next task: for each step it publishes <c>queued</c>, waits for the resource, publishes <c>started</c>, waits for
/// the sampled service time, publishes <c>finished</c> and releases the resource (unless the next step is a
/// hand-off, which keeps it until its own resource is granted); then it sends the item over the task's link, if any.
/// Disposing it (the process does, when it ends or fails) releases a resource still held. It behaves exactly as the
/// iterator method it replaces, including running the code after a wait once when the process resumes with a fault.
/// </summary>
internal sealed class TaskRun(Line line) : StepMachine
{
    private const string Queued = "queued";
    private const string Started = "started";
    private const string Finished = "finished";

    private RecordKey _key;
    private IReadOnlyDictionary<string, object>? _attributes;
    private CompiledStep[] _steps = [];
    private CompiledSend? _send;
    private DynamicRequest? _held;
    private DynamicRequest? _request;
    private int _step;
    private State _state = State.Done;
    private double _resumeAt;
    private double _enteredAt;

    private enum State : byte
    {
        Start,
        AwaitingResource,
        AwaitingService,
        Done,
        ResumeInService,
        ResumeQueued,
    }

    /// <summary>The line the task runs on.</summary>
    public Line Line => line;

    /// <summary>The task's kind (its name in the line), as its process is named.</summary>
    public string TaskName => Process?.Name ?? string.Empty;

    /// <summary>The task's event key.</summary>
    public RecordKey Key => _key;

    /// <summary>The attributes of the item it carries, if any.</summary>
    public IReadOnlyDictionary<string, object>? Attributes => _attributes;

    /// <summary>The step it is at, from 0.</summary>
    public int StepIndex => _step;

    /// <summary>The steps, compiled.</summary>
    public CompiledStep[] Steps => _steps;

    /// <summary>True while it waits for its step's resource.</summary>
    public bool IsQueued => _state == State.AwaitingResource;

    /// <summary>True while it holds its step's resource for the service time.</summary>
    public bool IsInService => _state == State.AwaitingService;

    /// <summary>The request of its step (waiting while queued, granted while in service).</summary>
    public DynamicRequest? Request => _request;

    /// <summary>The unit it holds: the step's while in service, the previous step's while queued across a hand-off.</summary>
    public DynamicRequest? Held => _held;

    /// <summary>The process that runs this state machine when the line reuses both.</summary>
    public Process? Process { get; set; }

    /// <summary>Prepares a new task; the previous one must have ended (been disposed).</summary>
    [MethodImpl(HotPath.Options)]
    public TaskRun Init(RecordKey key, IReadOnlyDictionary<string, object>? attributes, CompiledStep[] steps, CompiledSend? send)
    {
        _key = key;
        _attributes = attributes;
        _steps = steps;
        _send = send;
        _step = 0;
        _held = null;
        _request = null;
        _state = State.Start;
        _enteredAt = line.Simulation.Now;
        line.Observer?.TaskEntered(_enteredAt);
        return this;
    }

    /// <summary>
    /// Prepares a task restored from a snapshot in service at step <paramref name="step"/>, holding
    /// <paramref name="held"/>: its first move waits until <paramref name="finishAt"/>, then it goes on as any task.
    /// </summary>
    public TaskRun ResumeInService(RecordKey key, IReadOnlyDictionary<string, object>? attributes, CompiledStep[] steps, CompiledSend? send, int step, DynamicRequest held, double finishAt)
    {
        Init(key, attributes, steps, send);
        _enteredAt = double.NaN;
        _step = step;
        _held = held;
        _request = held;
        _resumeAt = finishAt;
        _state = State.ResumeInService;
        return this;
    }

    /// <summary>
    /// Prepares a task restored from a snapshot queued at step <paramref name="step"/> with <paramref name="request"/>
    /// (already in the resource's queue), holding <paramref name="held"/> from the previous step across a hand-off.
    /// </summary>
    public TaskRun ResumeQueued(RecordKey key, IReadOnlyDictionary<string, object>? attributes, CompiledStep[] steps, CompiledSend? send, int step, DynamicRequest request, DynamicRequest? held)
    {
        Init(key, attributes, steps, send);
        _enteredAt = double.NaN;
        _step = step;
        _held = held;
        _request = request;
        _state = State.ResumeQueued;
        return this;
    }

    [MethodImpl(HotPath.Options)]
    public override bool MoveNext()
    {
        try
        {
            return Advance();
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    [MethodImpl(HotPath.Options)]
    public override void Dispose()
    {
        _state = State.Done;
        _request = null;
        Current = null!;
        var held = _held;
        _held = null;
        held?.Dispose();
    }

    public override void Reset() => throw new NotSupportedException("A task's steps run once; the line starts a new task with Init.");

    [MethodImpl(HotPath.Options)]
    private bool Advance()
    {
        var now = line.Simulation.Now;
        switch (_state)
        {
            case State.AwaitingResource:
                {
                    // A hand-off keeps the previous step's resource until this one is granted.
                    _held?.Dispose();
                    _held = _request;
                    var step = _steps[_step];
                    line.Observer?.StepStarted(now, now - _request!.RequestedAt);
                    if (line.Records)
                    {
                        line.Sink.Publish(SimRecord.Lifecycle(now, _key, step.ServicePath, Started));
                    }

                    _state = State.AwaitingService;
                    Current = line.Simulation.Delay(line.Sampler.Sample(step.Service));
                    return true;
                }

            case State.AwaitingService:
                {
                    if (line.Records)
                    {
                        line.Sink.Publish(SimRecord.Lifecycle(now, _key, _steps[_step].ServicePath, Finished));
                    }

                    var nextHandsOff = _step + 1 < _steps.Length && _steps[_step + 1].HandOff;
                    if (!nextHandsOff)
                    {
                        var held = _held!;
                        _held = null;
                        held.Dispose();
                    }

                    _step++;
                    return BeginStep(now);
                }

            case State.Start:
                return BeginStep(now);

            case State.ResumeInService:
                _state = State.AwaitingService;
                Current = line.Simulation.DelayUntil(_resumeAt);
                return true;

            case State.ResumeQueued:
                _state = State.AwaitingResource;
                Current = _request!;
                return true;

            default:
                return false;
        }
    }

    [MethodImpl(HotPath.Options)]
    private bool BeginStep(double now)
    {
        if (_step < _steps.Length)
        {
            var step = _steps[_step];
            if (line.Records)
            {
                line.Sink.Publish(SimRecord.Lifecycle(now, _key, step.ServicePath, Queued));
            }

            _request = step.Resource.RequestPooled(step.Priority);
            _state = State.AwaitingResource;
            Current = _request;
            return true;
        }

        line.Observer?.TaskLeft(now, now - _enteredAt);
        if (_send is not null)
        {
            line.Sender!.Send(_key, _attributes, _send);
        }

        Dispose();
        return false;
    }
}
