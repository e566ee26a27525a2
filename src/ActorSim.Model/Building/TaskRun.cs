using System.Runtime.CompilerServices;
using System.Collections;
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
internal sealed class TaskRun(Line line) : IEnumerator<Event>, IEnumerable<Event>
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

    private enum State : byte
    {
        Start,
        AwaitingResource,
        AwaitingService,
        Done,
    }

    /// <summary>The process that runs this state machine when the line reuses both.</summary>
    public Process? Process { get; set; }

    public Event Current { get; private set; } = null!;

    object IEnumerator.Current => Current;

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
        return this;
    }

    [MethodImpl(HotPath.Options)]
    public bool MoveNext()
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
    public void Dispose()
    {
        _state = State.Done;
        _request = null;
        Current = null!;
        var held = _held;
        _held = null;
        held?.Dispose();
    }

    public void Reset() => throw new NotSupportedException("A task's steps run once; the line starts a new task with Init.");

    public IEnumerator<Event> GetEnumerator() => this;

    IEnumerator IEnumerable.GetEnumerator() => this;

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
                    line.Sink.Publish(SimRecord.Lifecycle(now, _key, step.ServicePath, Started));
                    _state = State.AwaitingService;
                    Current = line.Simulation.Delay(line.Sampler.Sample(step.Service));
                    return true;
                }

            case State.AwaitingService:
                {
                    line.Sink.Publish(SimRecord.Lifecycle(now, _key, _steps[_step].ServicePath, Finished));
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
            line.Sink.Publish(SimRecord.Lifecycle(now, _key, step.ServicePath, Queued));
            _request = step.Resource.RequestPooled(step.Priority);
            _state = State.AwaitingResource;
            Current = _request;
            return true;
        }

        if (_send is not null)
        {
            line.Sender!.Send(_key, _attributes, _send);
        }

        Dispose();
        return false;
    }
}
